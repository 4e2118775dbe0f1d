// Phrasings of issue #18's later items, by class and language: vague times read against the
// person's own day (their preferences), appointments with their own lead, steps of the task being
// worked on ("I did the first one"), and vague times that ask one short question with quick replies.
// PARIS is Wed 11 Mar 2026 14:00 (UTC+1), PARIS_MORNING 09:00 the same day.
import { builder, type ClassPhrasing } from './classes.types';
import { appointment, complete, PARIS, PARIS_MORNING, remind, tasks } from './phrasing.types';

const en = builder('en');
const fr = builder('fr');
// An early person: up at 7, lunch at 1, off work at 17:30, evening from 20:00.
const DAY = { dayStart: '07:00', lunch: '13:00', workEnd: '17:30', evening: '20:00' };
const EARLY = { with: { dayRules: DAY } };
const EARLY_FR = { with: { locale: 'fr' as const, dayRules: DAY } };
const LEAD_30 = { with: { dayRules: { appointmentLeadMinutes: 30 } } };
const LEAD_30_FR = { with: { locale: 'fr' as const, dayRules: { appointmentLeadMinutes: 30 } } };
const LEAD_120 = { with: { dayRules: { appointmentLeadMinutes: 120 } } };
const WORKING = { with: { working: true } };
const WORKING_FR = { with: { locale: 'fr' as const, working: true } };
const ask = (options: number) => ({
  type: 'setPending' as const,
  pending: { kind: 'clarify' as const, options },
});

const AFTER_WORK = '2026-03-11T16:30:00Z'; // 17:30 Paris
const LUNCH = '2026-03-11T12:00:00Z'; // 13:00
const AFTER_LUNCH = '2026-03-11T13:00:00Z'; // 14:00
const TONIGHT = '2026-03-11T20:00:00Z'; // evening + 1 h = 21:00
const EVENING = '2026-03-11T19:00:00Z'; // 20:00
const TOMORROW_START = '2026-03-12T06:00:00Z'; // Thu 07:00
const FRIDAY_START = '2026-03-13T06:00:00Z'; // Fri 07:00
const DEFAULT_AFTER_WORK = '2026-03-11T17:00:00Z'; // 18:00

export const DAY_CLASS_PHRASINGS: ClassPhrasing[] = [
  // Vague times against the person's own day.
  en(
    'vague',
    'remind me after work to call mum',
    PARIS_MORNING,
    'remind',
    [remind('call mum', AFTER_WORK)],
    EARLY,
  ),
  en(
    'vague',
    'remind me when I finish work to buy bread',
    PARIS_MORNING,
    'remind',
    [remind('buy bread', AFTER_WORK)],
    EARLY,
  ),
  en(
    'vague',
    "remind me once I'm off work to text Ana",
    PARIS_MORNING,
    'remind',
    [remind('text Ana', AFTER_WORK)],
    EARLY,
  ),
  en(
    'vague',
    'remind me after my shift to call dad',
    PARIS_MORNING,
    'remind',
    [remind('call dad', AFTER_WORK)],
    EARLY,
  ),
  en(
    'vague',
    'after work: call the garage',
    PARIS_MORNING,
    'remind',
    [remind('call the garage', AFTER_WORK)],
    EARLY,
  ),
  en(
    'vague',
    'remind me at lunch to eat something',
    PARIS_MORNING,
    'remind',
    [remind('eat something', LUNCH)],
    EARLY,
  ),
  en(
    'vague',
    'lunchtime remind me to call the school',
    PARIS_MORNING,
    'remind',
    [remind('call the school', LUNCH)],
    EARLY,
  ),
  en(
    'vague',
    'remind me over lunch to book the gym',
    PARIS_MORNING,
    'remind',
    [remind('book the gym', LUNCH)],
    EARLY,
  ),
  en(
    'vague',
    'remind me after lunch to take my meds',
    PARIS_MORNING,
    'remind',
    [remind('take my meds', AFTER_LUNCH)],
    EARLY,
  ),
  en('vague', 'remind me tonight to stretch', PARIS_MORNING, 'remind', [remind('stretch', TONIGHT)], EARLY),
  en(
    'vague',
    'remind me this evening to prep lunch',
    PARIS_MORNING,
    'remind',
    [remind('prep lunch', EVENING)],
    EARLY,
  ),
  en(
    'vague',
    'remind me first thing tomorrow to call the bank',
    PARIS_MORNING,
    'remind',
    [remind('call the bank', TOMORROW_START)],
    EARLY,
  ),
  en(
    'vague',
    'remind me tomorrow morning to water the plants',
    PARIS_MORNING,
    'remind',
    [remind('water the plants', TOMORROW_START)],
    EARLY,
  ),
  en(
    'vague',
    'remind me on friday to renew the insurance',
    PARIS_MORNING,
    'remind',
    [remind('renew the insurance', FRIDAY_START)],
    EARLY,
  ),
  en('vague', 'remind me after work to call mum', PARIS_MORNING, 'remind', [
    remind('call mum', DEFAULT_AFTER_WORK),
  ]),
  en('vague', 'remind me when i leave work to get milk', PARIS_MORNING, 'remind', [
    remind('get milk', DEFAULT_AFTER_WORK),
  ]),
  fr(
    'vague',
    "rappelle-moi après le boulot d'appeler maman",
    PARIS_MORNING,
    'remind',
    [remind('appeler maman', AFTER_WORK)],
    EARLY_FR,
  ),
  fr(
    'vague',
    'rappelle-moi en sortant du travail de passer à la pharmacie',
    PARIS_MORNING,
    'remind',
    [remind('passer à la pharmacie', AFTER_WORK)],
    EARLY_FR,
  ),
  fr(
    'vague',
    'rappelle-moi après le taf de faire les courses',
    PARIS_MORNING,
    'remind',
    [remind('faire les courses', AFTER_WORK)],
    EARLY_FR,
  ),
  fr(
    'vague',
    "rappelle-moi quand je sors du bureau d'acheter du pain",
    PARIS_MORNING,
    'remind',
    [remind('acheter du pain', AFTER_WORK)],
    EARLY_FR,
  ),
  fr(
    'vague',
    'apres le boulot rappelle moi de rappeler Léa',
    PARIS_MORNING,
    'remind',
    [remind('rappeler Léa', AFTER_WORK)],
    EARLY_FR,
  ),
  fr(
    'vague',
    "rappelle-moi à la pause déj d'appeler le médecin",
    PARIS_MORNING,
    'remind',
    [remind('appeler le médecin', LUNCH)],
    EARLY_FR,
  ),
  fr(
    'vague',
    'rappelle-moi après manger de prendre mes cachets',
    PARIS_MORNING,
    'remind',
    [remind('prendre mes cachets', AFTER_LUNCH)],
    EARLY_FR,
  ),
  fr(
    'vague',
    'rappelle-moi ce soir de prendre mes médocs',
    PARIS_MORNING,
    'remind',
    [remind('prendre mes médocs', TONIGHT)],
    EARLY_FR,
  ),
  fr(
    'vague',
    'rappelle-moi le soir de sortir le chien',
    PARIS_MORNING,
    'remind',
    [remind('sortir le chien', EVENING)],
    EARLY_FR,
  ),
  fr(
    'vague',
    "rappelle-moi demain mat d'appeler la banque",
    PARIS_MORNING,
    'remind',
    [remind('appeler la banque', TOMORROW_START)],
    EARLY_FR,
  ),
  fr(
    'vague',
    'rappelle-moi vendredi de payer la cantine',
    PARIS_MORNING,
    'remind',
    [remind('payer la cantine', FRIDAY_START)],
    EARLY_FR,
  ),
  fr(
    'vague',
    "rappelle-moi après le travail d'appeler le garage",
    PARIS_MORNING,
    'remind',
    [remind('appeler le garage', DEFAULT_AFTER_WORK)],
    { with: { locale: 'fr' } },
  ),

  // Appointments with the person's own lead.
  en(
    'appointment',
    'vet thursday 11am',
    PARIS,
    'appointment',
    [appointment('Vet', '2026-03-12T10:00:00Z', '2026-03-12T09:30:00Z')],
    LEAD_30,
  ),
  en(
    'appointment',
    'dentist friday 9:30',
    PARIS,
    'appointment',
    [appointment('Dentist', '2026-03-13T08:30:00Z', '2026-03-13T06:30:00Z')],
    { ...LEAD_120, replyIncludes: '2 hours before' },
  ),
  fr(
    'appointment',
    'rdv dentiste jeudi 11h',
    PARIS,
    'appointment',
    [appointment('Dentiste', '2026-03-12T10:00:00Z', '2026-03-12T09:30:00Z')],
    { ...LEAD_30_FR, replyIncludes: '30 min avant' },
  ),
  fr(
    'appointment',
    'kiné vendredi 9h30',
    PARIS,
    'appointment',
    [appointment('Kiné', '2026-03-13T08:30:00Z', '2026-03-13T08:00:00Z')],
    LEAD_30_FR,
  ),

  // Steps of the task being worked on.
  en('step', 'I did the first one', PARIS, 'done', [complete('w1')], {
    ...WORKING,
    replyIncludes: 'Find last year',
  }),
  en('step', 'did the first step', PARIS, 'done', [complete('w1')], WORKING),
  en('step', 'done with step 2', PARIS, 'done', [complete('w2')], {
    ...WORKING,
    replyIncludes: 'Fill in the income page',
  }),
  en('step', 'finished the second one', PARIS, 'done', [complete('w2')], WORKING),
  en('step', 'the first one is done', PARIS, 'done', [complete('w1')], WORKING),
  en('step', 'first one done!', PARIS, 'done', [complete('w1')], WORKING),
  en('step', 'step 3 done', PARIS, 'done', [complete('w3')], WORKING),
  en('step', 'ok i did that one', PARIS, 'done', [complete('w1')], WORKING),
  en('step', 'just did the next one', PARIS, 'done', [complete('w1')], WORKING),
  en('step', 'knocked out the third step', PARIS, 'done', [complete('w3')], WORKING),
  en('step', 'did the last one', PARIS, 'done', [complete('w4')], WORKING),
  en('step', 'yay, finished step 1', PARIS, 'done', [complete('w1')], WORKING),
  en('step', 'done 2', PARIS, 'done', [complete('t2')], WORKING),
  en('step', 'I did the first one', PARIS, 'done', [complete('t1')]),
  fr('step', "j'ai fait la première", PARIS, 'done', [complete('g1')], {
    ...WORKING_FR,
    replyIncludes: 'Sortir les cartons',
  }),
  fr('step', "j'ai fini la deuxième étape", PARIS, 'done', [complete('g2')], WORKING_FR),
  fr('step', 'première étape faite', PARIS, 'done', [complete('g1')], WORKING_FR),
  fr('step', 'voilà, première étape faite !', PARIS, 'done', [complete('g1')], WORKING_FR),
  fr('step', "la deuxième c'est fait", PARIS, 'done', [complete('g2')], WORKING_FR),
  fr('step', 'étape 3 finie', PARIS, 'done', [complete('g3')], WORKING_FR),
  fr('step', "c'est fait pour la première", PARIS, 'done', [complete('g1')], WORKING_FR),
  fr('step', "j'ai terminé l'étape 2", PARIS, 'done', [complete('g2')], WORKING_FR),
  fr('step', 'fini la dernière', PARIS, 'done', [complete('g4')], WORKING_FR),
  fr('step', 'jai fait la 1ere', PARIS, 'done', [complete('g1')], WORKING_FR),
  fr('step', "ok j'ai coché la suivante", PARIS, 'done', [complete('g1')], WORKING_FR),
  fr('step', 'fait 2', PARIS, 'done', [complete('f2')], WORKING_FR),

  // Too vague to pick: one short question with quick replies (a task said with it is kept at once).
  en('ambiguity', 'remind me in a bit to call mum', PARIS, 'clarify', [tasks('Call mum'), ask(3)]),
  en('ambiguity', 'remind me later to call mum', PARIS, 'clarify', [tasks('Call mum'), ask(3)], {
    replyIncludes: '"call mum"',
  }),
  en('ambiguity', 'remind me soon to take the bins out', PARIS, 'clarify', [
    tasks('Take the bins out'),
    ask(3),
  ]),
  en('ambiguity', 'remind me at some point to renew my passport', PARIS, 'clarify', [
    tasks('Renew my passport'),
    ask(3),
  ]),
  en(
    'ambiguity',
    'remind me sometime this week to call the bank',
    PARIS,
    'clarify',
    [tasks('Call the bank'), ask(2)],
    {
      replyIncludes: 'Fri',
    },
  ),
  en('ambiguity', 'remind me later to stretch', PARIS, 'clarify', [tasks('Stretch'), ask(3)], {
    ...EARLY,
    replyIncludes: '20:00',
  }),
  en('ambiguity', 'call mum in a bit', PARIS, 'clarify', [tasks('Call mum'), ask(3)]),
  en('ambiguity', 'text Ana later', PARIS, 'clarify', [tasks('Text Ana'), ask(3)]),
  en('ambiguity', 'pay the gas bill soon', PARIS, 'clarify', [tasks('Pay the gas bill'), ask(3)]),
  en('ambiguity', 'book the dentist sometime this week', PARIS, 'clarify', [
    tasks('Book the dentist'),
    ask(2),
  ]),
  en('ambiguity', 'email Sam whenever', PARIS, 'clarify', [tasks('Email Sam'), ask(3)]),
  fr('ambiguity', "rappelle-moi tout à l'heure d'appeler maman", PARIS, 'clarify', [
    tasks('Appeler maman'),
    ask(3),
  ]),
  fr(
    'ambiguity',
    "rappelle-moi plus tard d'appeler maman",
    PARIS,
    'clarify',
    [tasks('Appeler maman'), ask(3)],
    {
      replyIncludes: '« appeler maman »',
    },
  ),
  fr('ambiguity', 'rappelle-moi bientôt de rappeler Léa', PARIS, 'clarify', [tasks('Rappeler Léa'), ask(3)]),
  fr(
    'ambiguity',
    'rappelle-moi cette semaine de payer la cantine',
    PARIS,
    'clarify',
    [tasks('Payer la cantine'), ask(2)],
    {
      replyIncludes: 'vendredi',
    },
  ),
  fr('ambiguity', 'rappelle-moi dans la semaine de prendre rdv chez le dentiste', PARIS, 'clarify', [
    tasks('Prendre rdv chez le dentiste'),
    ask(2),
  ]),
  fr(
    'ambiguity',
    'rappelle-moi plus tard de sortir le linge',
    PARIS,
    'clarify',
    [tasks('Sortir le linge'), ask(3)],
    {
      ...EARLY_FR,
      replyIncludes: '20h',
    },
  ),
  fr('ambiguity', 'appeler maman plus tard', PARIS, 'clarify', [tasks('Appeler maman'), ask(3)]),
  fr('ambiguity', 'payer la cantine bientôt', PARIS, 'clarify', [tasks('Payer la cantine'), ask(3)]),
  fr('ambiguity', 'prendre rdv chez le dentiste dans la semaine', PARIS, 'clarify', [
    tasks('Prendre rdv chez le dentiste'),
    ask(2),
  ]),
  fr('ambiguity', 'rappeler Léa à un moment', PARIS, 'clarify', [tasks('Rappeler Léa'), ask(3)]),
  fr('ambiguity', "envoyer le dossier tout à l'heure", PARIS, 'clarify', [
    tasks('Envoyer le dossier'),
    ask(3),
  ]),
];
