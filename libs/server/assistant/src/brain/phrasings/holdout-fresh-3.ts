// Fresh held-out phrasings, batch 3 (see holdout-fresh.ts): written after the batch-2 fixes, before
// it was first run; scored apart by holdout-fresh.spec.ts.
import { builder, type ClassPhrasing } from './classes.types';
import {
  appointment,
  asks,
  breakdown,
  cancel,
  complete,
  dueTask,
  moveTo,
  PARIS,
  PARIS_MORNING,
  remind,
  tasks,
} from './phrasing.types';

const en = builder('en');
const fr = builder('fr');
const R3 = { with: { lastCreated: 'r3' } };
const Q3 = { with: { lastCreated: 'q3' } };
const WORK = { with: { working: true } };
const WORK_FR = { with: { working: true } };

// Batch 3: written after the batch-2 fixes, before running it; scored once as it stands.
export const FRESH_3: ClassPhrasing[] = [
  en('multi', 'call the plumber and remind me at 5:30pm to pick up the kids', PARIS, 'multi', [
    tasks('Call the plumber'),
    remind('pick up the kids', '2026-03-11T16:30:00Z'),
  ]),
  en('multi', 'remind me tmrw at 7am to go for a run, also todo: fix the bike', PARIS, 'multi', [
    remind('go for a run', '2026-03-12T06:00:00Z'),
    tasks('Fix the bike'),
  ]),
  fr('multi', 'rappelle moi a 20h de prendre mes cachets et ajoute acheter du dentifrice', PARIS, 'multi', [
    remind('prendre mes cachets', '2026-03-11T19:00:00Z'),
    tasks('Acheter du dentifrice'),
  ]),
  fr('multi', 'appeler la creche + rappel demain 9h30 pour le vaccin du chat', PARIS, 'multi', [
    tasks('Appeler la creche'),
    remind('le vaccin du chat', '2026-03-12T08:30:00Z'),
  ]),

  en('edit', 'no wait, 5pm', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-13T16:00:00Z')], R3),
  en('edit', 'push it to next week', PARIS, 'edit_reminder', [moveTo('r3', '2026-03-16T17:00:00Z')], R3),
  en('edit', 'cancel that one', PARIS, 'edit_reminder', [cancel('r3')], R3),
  fr('edit', 'non plutot samedi', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-14T17:00:00Z')], Q3),
  fr('edit', 'repousse de 2h', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-13T19:00:00Z')], Q3),
  fr('edit', 'efface ca', PARIS, 'edit_reminder', [cancel('q3')], Q3),

  en('vague', 'remind me around lunch to eat something', PARIS, 'remind', [
    remind('eat something', '2026-03-12T11:30:00Z'),
  ]),
  en('vague', 'remind me tomorrow evening to call gran', PARIS, 'remind', [
    remind('call gran', '2026-03-12T18:00:00Z'),
  ]),
  en('vague', 'renew the passport by end of month', PARIS, 'capture', [
    dueTask('Renew the passport', '2026-03-31T21:59:00Z'),
  ]),
  en('vague', 'remind me in 45 mins to check the oven', PARIS, 'remind', [
    remind('check the oven', '2026-03-11T13:45:00Z'),
  ]),
  fr('vague', 'rappelle moi ce midi de manger', PARIS_MORNING, 'remind', [
    remind('manger', '2026-03-11T11:30:00Z'),
  ]),
  fr('vague', 'rappelle moi jeudi soir de preparer le sac de sport', PARIS, 'remind', [
    remind('preparer le sac de sport', '2026-03-12T18:00:00Z'),
  ]),
  fr('vague', "rendre les cles d'ici vendredi", PARIS, 'capture', [
    dueTask('Rendre les cles', '2026-03-13T22:59:00Z'),
  ]),
  fr('vague', "rappelle moi dans 1h30 d'eteindre le four", PARIS, 'remind', [
    remind('eteindre le four', '2026-03-11T14:30:00Z'),
  ]),

  en('appointment', 'eye test wed 2pm', PARIS, 'appointment', [
    appointment('Eye test', '2026-03-18T13:00:00Z', '2026-03-18T12:00:00Z'),
  ]),
  en('appointment', 'dentist appointment on the 19th at 9:15', PARIS, 'appointment', [
    appointment('Dentist', '2026-03-19T08:15:00Z', '2026-03-19T07:15:00Z'),
  ]),
  en('appointment', 'parents evening thursday 6pm', PARIS, 'appointment', [
    appointment('Parents evening', '2026-03-12T17:00:00Z', '2026-03-12T16:00:00Z'),
  ]),
  fr('appointment', 'rdv pediatre mardi 17h', PARIS, 'appointment', [
    appointment('Pediatre', '2026-03-17T16:00:00Z', '2026-03-17T15:00:00Z'),
  ]),
  fr('appointment', "j'ai le garagiste vendredi a 8h30", PARIS, 'appointment', [
    appointment('Garagiste', '2026-03-13T07:30:00Z', '2026-03-13T06:30:00Z'),
  ]),
  fr('appointment', 'reunion parents profs jeudi 18h', PARIS, 'appointment', [
    appointment('Reunion parents profs', '2026-03-12T17:00:00Z', '2026-03-12T16:00:00Z'),
  ]),

  en('question', 'wht should i start with', PARIS, 'question', [], { replyIncludes: 'Call the dentist' }),
  en('question', 'do i have anything tonight', PARIS, 'question', [], { replyIncludes: 'take my meds' }),
  fr('question', "qu'est ce que je dois faire la", PARIS, 'question', [], {
    replyIncludes: 'Appeler le dentiste',
  }),
  fr('question', "j'ai un truc demain a 8h ?", PARIS, 'question', [], { replyIncludes: "réunion d'équipe" }),

  en('feeling', "i'm so done today", PARIS, 'feeling', []),
  en('feeling', 'my brain is mush', PARIS, 'feeling', []),
  en('feeling', 'panicking about the deadline, need to email my manager', PARIS, 'feeling', [
    tasks('Email my manager'),
  ]),
  fr('feeling', 'je suis au bout du rouleau', PARIS, 'feeling', []),
  fr('feeling', 'jsuis grave en retard sur tout', PARIS, 'feeling', []),
  fr('feeling', "j'ai tout raté aujourd'hui, faut que je rappelle le client", PARIS, 'feeling', [
    tasks('Rappeler le client'),
  ]),

  en('title', 'remember 2 email the school abt the trip', PARIS, 'capture', [
    tasks('Email the school abt the trip'),
  ]),
  en('title', 'note: buy new headphones', PARIS, 'capture', [tasks('Buy new headphones')]),
  en('title', 'i should probably clean my desk lol', PARIS, 'capture', [tasks('Clean my desk')]),
  fr('title', 'faudrait que je trie mes papiers', PARIS, 'capture', [tasks('Trier mes papiers')]),
  fr('title', 'noter: racheter du cafe', PARIS, 'capture', [tasks('Racheter du cafe')]),
  fr('title', 'pense a rappeler le proprio', PARIS, 'capture', [tasks('Rappeler le proprio')]),

  en('breakdown', 'no clue where to start with my emails', PARIS, 'breakdown', [breakdown('emails')]),
  en('breakdown', 'the kitchen is a disaster, where do i begin', PARIS, 'breakdown', [breakdown('kitchen')]),
  fr('breakdown', 'je sais pas comment attaquer le rapport', PARIS, 'breakdown', [breakdown('rapport')]),
  fr('breakdown', 'ranger ma chambre ca me parait impossible', PARIS, 'breakdown', [breakdown('chambre')]),

  en('step', 'ok did step 3', PARIS, 'done', [complete('w3')], WORK),
  fr('step', "j'ai fini l'etape 1", PARIS, 'done', [complete('g1')], WORK_FR),

  en('ambiguity', 'remind me l8r to reply to kim', PARIS, 'clarify', [tasks('Reply to kim'), asks(3)]),
  fr('ambiguity', "plus tard rappelle moi d'appeler la banque", PARIS, 'clarify', [
    tasks('Appeler la banque'),
    asks(3),
  ]),
];
