// French phrasings by class, as people text them (with and without accents, SMS shorthand, 14h30).
// A French-locale person: tasks f1 Appeler le dentiste … f6; reminders q1 médicaments daily 21:00,
// q2 réunion d'équipe Thu 08:00, q3 appeler maman Fri 13 18:00, q4 appeler le plombier Sat 14 10:00.
// Clocks as in classes-en.ts (PARIS: Wed 11 Mar 2026 14:00, UTC+1).
import { builder, type ClassPhrasing } from './classes.types';
import {
  appointment,
  breakdown,
  cancel,
  complete,
  daily,
  dueTask,
  focus,
  moveTo,
  PARIS,
  PARIS_EVENING,
  PARIS_MORNING,
  remind,
  remove,
  renameTo,
  reopen,
  snooze,
  tasks,
  asks,
} from './phrasing.types';

const p = builder('fr');
const Q3 = { with: { lastCreated: 'q3' } };
const Q4 = { with: { lastCreated: 'q4' } };

export const FR_CLASS_PHRASINGS: ClassPhrasing[] = [
  // Plusieurs demandes dans un message.
  p('multi', 'écrire à Ana et rappelle-moi demain à 9h de réserver le véto', PARIS, 'multi', [
    tasks('Écrire à Ana'),
    remind('réserver le véto', '2026-03-12T08:00:00Z'),
  ]),
  p('multi', "acheter des timbres, et rappelle moi à 18h d'appeler la banque", PARIS, 'multi', [
    tasks('Acheter des timbres'),
    remind('appeler la banque', '2026-03-11T17:00:00Z'),
  ]),
  p('multi', 'envoyer le mail à Sam puis rappelle-moi dans 30 min de sortir le gâteau', PARIS, 'multi', [
    tasks('Envoyer le mail à Sam'),
    remind('sortir le gâteau', '2026-03-11T13:30:00Z'),
  ]),
  p('multi', "rappelle-moi à 17h de prendre mes médocs et rappelle-moi à 21h de m'étirer", PARIS, 'remind', [
    remind('prendre mes médocs', '2026-03-11T16:00:00Z'),
    remind("m'étirer", '2026-03-11T20:00:00Z'),
  ]),
  p('multi', "récupérer le colis. aussi rappelle-moi demain à 8h d'arroser les plantes", PARIS, 'multi', [
    tasks('Récupérer le colis'),
    remind('arroser les plantes', '2026-03-12T07:00:00Z'),
  ]),
  p('multi', 'appeler le proprio et rappelle moi vendredi à 10h de payer le loyer', PARIS, 'multi', [
    tasks('Appeler le proprio'),
    remind('payer le loyer', '2026-03-13T09:00:00Z'),
  ]),
  p('multi', 'commander les croquettes et rappelle-moi à 19h de nourrir Luna', PARIS, 'multi', [
    tasks('Commander les croquettes'),
    remind('nourrir Luna', '2026-03-11T18:00:00Z'),
  ]),
  p('multi', "fait 2 et rappelle-moi à 20h d'acheter du pain", PARIS, 'multi', [
    complete('f2'),
    remind('acheter du pain', '2026-03-11T19:00:00Z'),
  ]),
  p('multi', 'répondre à Léo, puis rappelle-moi ce soir de préparer mon sac', PARIS, 'multi', [
    tasks('Répondre à Léo'),
    remind('préparer mon sac', '2026-03-11T19:00:00Z'),
  ]),
  p('multi', "prendre rdv coiffeur et rappelle-moi lundi à 9h d'appeler l'école", PARIS, 'multi', [
    tasks('Prendre rdv coiffeur'),
    remind("appeler l'école", '2026-03-16T08:00:00Z'),
  ]),
  p('multi', "rappelle-moi dans 1h de m'étirer et rappelle-moi à 18h de cuisiner", PARIS, 'remind', [
    remind("m'étirer", '2026-03-11T14:00:00Z'),
    remind('cuisiner', '2026-03-11T17:00:00Z'),
  ]),
  p('multi', 'rdv dentiste demain 11h et rappelle moi ce soir de trouver la carte vitale', PARIS, 'multi', [
    appointment('Dentiste', '2026-03-12T10:00:00Z', '2026-03-12T09:00:00Z'),
    remind('trouver la carte vitale', '2026-03-11T19:00:00Z'),
  ]),
  p('multi', 'payer la cantine et rappelle-moi après-demain à 9h de rendre les livres', PARIS, 'multi', [
    tasks('Payer la cantine'),
    remind('rendre les livres', '2026-03-13T08:00:00Z'),
  ]),
  p('multi', 'sms à maman, et rappelle moi à 16h30 de sortir le chien', PARIS, 'multi', [
    tasks('Sms à maman'),
    remind('sortir le chien', '2026-03-11T15:30:00Z'),
  ]),
  p('multi', 'appeler la mutuelle et rapelle moi a 18h de faire les courses', PARIS, 'multi', [
    tasks('Appeler la mutuelle'),
    remind('faire les courses', '2026-03-11T17:00:00Z'),
  ]),

  // Corrections et modifications d'un rappel.
  p('edit', 'non, plutôt 20h', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-13T19:00:00Z')], Q3),
  p('edit', 'en fait demain', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-12T17:00:00Z')], Q3),
  p('edit', 'décale de 30 min', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-13T17:30:00Z')], Q3),
  p('edit', "repousse d'une heure", PARIS, 'edit_reminder', [moveTo('q3', '2026-03-13T18:00:00Z')], Q3),
  p('edit', 'mets-le à 19h', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-13T18:00:00Z')], Q3),
  p('edit', 'non je voulais dire samedi', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-14T17:00:00Z')], Q3),
  p('edit', 'déplace le rappel du plombier à vendredi', PARIS, 'edit_reminder', [
    moveTo('q4', '2026-03-13T09:00:00Z'),
  ]),
  p('edit', 'renomme-le en appeler mamie', PARIS, 'edit_reminder', [renameTo('q3', 'appeler mamie')], Q3),
  p('edit', 'supprime le dernier', PARIS, 'edit_reminder', [cancel('q3')], Q3),
  p('edit', 'laisse tomber', PARIS, 'edit_reminder', [cancel('q4')], Q4),
  p('edit', 'annule ça', PARIS, 'edit_reminder', [cancel('q3')], Q3),
  p('edit', 'décale-le de 15 min', PARIS, 'edit_reminder', [moveTo('q4', '2026-03-14T09:15:00Z')], Q4),
  p('edit', "avance d'une heure", PARIS, 'edit_reminder', [moveTo('q4', '2026-03-14T08:00:00Z')], Q4),
  p('edit', '30 min plus tard', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-13T17:30:00Z')], Q3),
  p('edit', 'plutôt dimanche', PARIS, 'edit_reminder', [moveTo('q4', '2026-03-15T09:00:00Z')], Q4),
  p('edit', 'non, 9h', PARIS, 'edit_reminder', [moveTo('q4', '2026-03-14T08:00:00Z')], Q4),
  p('edit', 'change pour 11h', PARIS, 'edit_reminder', [moveTo('q4', '2026-03-14T10:00:00Z')], Q4),
  p('edit', 'déplace le rappel appeler maman à 19h', PARIS, 'edit_reminder', [
    moveTo('q3', '2026-03-13T18:00:00Z'),
  ]),
  p('edit', 'en fait mets le a 17h30', PARIS, 'edit_reminder', [moveTo('q3', '2026-03-13T16:30:00Z')], Q3),
  p('edit', 'non plutot lundi', PARIS, 'edit_reminder', [moveTo('q4', '2026-03-16T09:00:00Z')], Q4),

  // Moments flous et échéances.
  p('vague', 'rappelle-moi ce soir de sortir les poubelles', PARIS_MORNING, 'remind', [
    remind('sortir les poubelles', '2026-03-11T19:00:00Z'),
  ]),
  p('vague', "rappelle-moi après le déjeuner d'appeler la banque", PARIS_MORNING, 'remind', [
    remind('appeler la banque', '2026-03-11T12:30:00Z'),
  ]),
  p('vague', "rappelle moi cet aprem d'écrire à Jo", PARIS_MORNING, 'remind', [
    remind('écrire à Jo', '2026-03-11T13:00:00Z'),
  ]),
  p('vague', 'rappelle-moi demain à la première heure de payer le loyer', PARIS_MORNING, 'remind', [
    remind('payer le loyer', '2026-03-12T08:00:00Z'),
  ]),
  p('vague', 'rappelle-moi en fin de semaine de faire le budget', PARIS_MORNING, 'remind', [
    remind('faire le budget', '2026-03-13T15:00:00Z'),
  ]),
  p('vague', 'rappelle-moi avant le week-end de réserver le train', PARIS_MORNING, 'remind', [
    remind('réserver le train', '2026-03-13T15:00:00Z'),
  ]),
  p('vague', 'appeler la banque après manger', PARIS_MORNING, 'remind', [
    remind('appeler la banque', '2026-03-11T12:30:00Z'),
  ]),
  p('vague', 'demain mat envoyer un mail au proprio', PARIS_MORNING, 'remind', [
    remind('envoyer un mail au proprio', '2026-03-12T08:00:00Z'),
  ]),
  p('vague', 'ce soir arroser les plantes', PARIS_MORNING, 'remind', [
    remind('arroser les plantes', '2026-03-11T19:00:00Z'),
  ]),
  p('vague', 'finir le rapport pour vendredi', PARIS, 'capture', [
    dueTask('Finir le rapport', '2026-03-13T22:59:00Z'),
  ]),
  p('vague', "payer la facture de gaz d'ici demain", PARIS, 'capture', [
    dueTask('Payer la facture de gaz', '2026-03-12T22:59:00Z'),
  ]),
  p('vague', 'envoyer le formulaire avant lundi', PARIS, 'capture', [
    dueTask('Envoyer le formulaire', '2026-03-16T22:59:00Z'),
  ]),
  p('vague', "rappelle-moi tout à l'heure de m'étirer", PARIS, 'clarify', [tasks("M'étirer"), asks()]),
  p('vague', "rappelle-moi demain après-midi d'appeler le véto", PARIS, 'remind', [
    remind('appeler le véto', '2026-03-12T13:00:00Z'),
  ]),
  p('vague', 'rappelle moi dem1 soir de préparer le sac', PARIS, 'remind', [
    remind('préparer le sac', '2026-03-12T18:00:00Z'),
  ]),
  p('vague', 'rappelle-moi à midi de manger', PARIS_MORNING, 'remind', [
    remind('manger', '2026-03-11T11:00:00Z'),
  ]),
  p('vague', 'renouveler le passeport pour le 20 mars', PARIS, 'capture', [
    dueTask('Renouveler le passeport', '2026-03-20T22:59:00Z'),
  ]),
  p('vague', 'rappelle moi apres dejeuner de rappeler le garage', PARIS_MORNING, 'remind', [
    remind('rappeler le garage', '2026-03-11T12:30:00Z'),
  ]),
  p('vague', 'je dois rendre le dossier avant jeudi', PARIS, 'capture', [
    dueTask('Rendre le dossier', '2026-03-12T22:59:00Z'),
  ]),
  // The last day of the month (31 March is summer time in Paris: 23:59 is 21:59 UTC).
  p('vague', "payer le loyer d'ici la fin du mois", PARIS, 'capture', [
    dueTask('Payer le loyer', '2026-03-31T21:59:00Z'),
  ]),

  // Rendez-vous : l'événement, et un rappel une heure avant.
  p('appointment', 'rdv dentiste jeudi 11h', PARIS, 'appointment', [
    appointment('Dentiste', '2026-03-12T10:00:00Z', '2026-03-12T09:00:00Z'),
  ]),
  p('appointment', 'rdv chez le médecin demain à 15h', PARIS, 'appointment', [
    appointment('Médecin', '2026-03-12T14:00:00Z', '2026-03-12T13:00:00Z'),
  ]),
  p('appointment', "j'ai rdv avec Marc vendredi 14h30", PARIS, 'appointment', [
    appointment('Rdv avec Marc', '2026-03-13T13:30:00Z', '2026-03-13T12:30:00Z'),
  ]),
  p('appointment', 'véto samedi 10h', PARIS, 'appointment', [
    appointment('Véto', '2026-03-14T09:00:00Z', '2026-03-14T08:00:00Z'),
  ]),
  p('appointment', 'coiffeur mardi à 17h', PARIS, 'appointment', [
    appointment('Coiffeur', '2026-03-17T16:00:00Z', '2026-03-17T15:00:00Z'),
  ]),
  p('appointment', 'rendez-vous kiné lundi 9h', PARIS, 'appointment', [
    appointment('Kiné', '2026-03-16T08:00:00Z', '2026-03-16T07:00:00Z'),
  ]),
  p('appointment', 'rdv psy demain 18h', PARIS, 'appointment', [
    appointment('Psy', '2026-03-12T17:00:00Z', '2026-03-12T16:00:00Z'),
  ]),
  p('appointment', "entretien d'embauche vendredi à 10h", PARIS, 'appointment', [
    appointment("Entretien d'embauche", '2026-03-13T09:00:00Z', '2026-03-13T08:00:00Z'),
  ]),
  p('appointment', 'réunion parents-profs jeudi 17h30', PARIS, 'appointment', [
    appointment('Réunion parents-profs', '2026-03-12T16:30:00Z', '2026-03-12T15:30:00Z'),
  ]),
  p('appointment', "j'ai un rdv à la banque demain 10h", PARIS, 'appointment', [
    appointment('Banque', '2026-03-12T09:00:00Z', '2026-03-12T08:00:00Z'),
  ]),
  p('appointment', 'rdv ophtalmo le 20 mars à 9h', PARIS, 'appointment', [
    appointment('Ophtalmo', '2026-03-20T08:00:00Z', '2026-03-20T07:00:00Z'),
  ]),
  p('appointment', 'dentiste demain 8h30', PARIS, 'appointment', [
    appointment('Dentiste', '2026-03-12T07:30:00Z', '2026-03-12T06:30:00Z'),
  ]),
  p('appointment', 'rdv vétérinaire à 16h', PARIS, 'appointment', [
    appointment('Vétérinaire', '2026-03-11T15:00:00Z', '2026-03-11T14:00:00Z'),
  ]),
  p('appointment', 'rdv medecin lundi prochain 10h', PARIS, 'appointment', [
    appointment('Medecin', '2026-03-16T09:00:00Z', '2026-03-16T08:00:00Z'),
  ]),
  p('appointment', 'rdv orthodontiste mercredi prochain à 14h', PARIS, 'appointment', [
    appointment('Orthodontiste', '2026-03-18T13:00:00Z', '2026-03-18T12:00:00Z'),
  ]),

  // Questions sur leur journée.
  p('question', 'je fais quoi ?', PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', 'et maintenant ?', PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', 'je fais quoi maintenant', PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', "qu'est-ce que je fais ?", PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', 'par quoi je commence', PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', 'choisis pour moi', PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', "c'est quoi la suite ?", PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', 'jfais quoi mtn', PARIS, 'question', [], { replyIncludes: 'Appeler le dentiste' }),
  p('question', 'quoi maintenant', PARIS_EVENING, 'question', [], {
    replyIncludes: 'prendre mes médicaments',
  }),
  p('question', 'on fait quoi là ?', PARIS_EVENING, 'question', [], {
    replyIncludes: 'prendre mes médicaments',
  }),
  p('question', "j'ai prévu quoi aujourd'hui ?", PARIS, 'question', [], {
    replyIncludes: 'prendre mes médicaments',
  }),
  p('question', "qu'est-ce que j'ai aujourd'hui", PARIS, 'question', [], {
    replyIncludes: 'prendre mes médicaments',
  }),
  p('question', "c'est quoi mon programme aujourd'hui", PARIS, 'question', [], {
    replyIncludes: 'prendre mes médicaments',
  }),
  p('question', 'mon planning du jour', PARIS, 'question', [], { replyIncludes: 'prendre mes médicaments' }),
  p('question', 'je suis libre à 15h ?', PARIS, 'question', [], { replyIncludes: 'rien de prévu' }),
  p('question', "j'ai quelque chose demain à 8h ?", PARIS, 'question', [], {
    replyIncludes: "réunion d'équipe",
  }),
  p('question', 'je suis dispo samedi ?', PARIS, 'question', [], { replyIncludes: 'appeler le plombier' }),
  p('question', 'je suis libre a 21h ?', PARIS, 'question', [], { replyIncludes: 'prendre mes médicaments' }),

  // Émotions : jamais une tâche ; la tâche dite avec est notée.
  p('feeling', "j'arrive pas à m'y mettre", PARIS, 'feeling', []),
  p('feeling', 'je me noie', PARIS, 'feeling', []),
  p('feeling', "j'ai encore merdé", PARIS, 'feeling', []),
  p('feeling', 'je suis complètement débordée', PARIS, 'feeling', []),
  p('feeling', "c'est trop, j'en peux plus", PARIS, 'feeling', []),
  p('feeling', 'je me sens nulle', PARIS, 'feeling', []),
  p('feeling', "pourquoi j'arrive jamais à rien faire", PARIS, 'feeling', []),
  p('feeling', 'chui crevée', PARIS, 'feeling', []),
  p('feeling', "aucune motivation aujourd'hui", PARIS, 'feeling', []),
  p('feeling', "j'ai oublié la facture de gaz et maintenant y a des frais, je suis nulle", PARIS, 'feeling', [
    tasks('Payer la facture de gaz'),
  ]),
  p('feeling', 'je stresse, je dois encore faire mes impôts', PARIS, 'feeling', [tasks('Faire mes impôts')]),
  p('feeling', "je suis épuisée mais je dois appeler l'école", PARIS, 'feeling', [tasks("Appeler l'école")]),
  p('feeling', 'je procrastine encore', PARIS, 'feeling', []),
  p('feeling', 'sale journée, je galère', PARIS, 'feeling', []),
  p('feeling', "je panique pour l'exam", PARIS, 'feeling', []),
  p('feeling', 'je repousse tout depuis des jours, je me déteste', PARIS, 'feeling', []),
  p('feeling', 'je suis à la ramasse', PARIS, 'feeling', []),
  p('feeling', 'trop de trucs à faire, je sais plus où donner de la tête', PARIS, 'feeling', []),
  p('feeling', 'jpp, g oublié de payer la cantine', PARIS, 'feeling', [tasks('Payer la cantine')]),

  // Titres propres.
  p('title', 'il faut appeler le garage', PARIS, 'capture', [tasks('Appeler le garage')]),
  p('title', "n'oublie pas d'acheter du lait", PARIS, 'capture', [tasks('Acheter du lait')]),
  p('title', 'peut-être nettoyer le frigo un de ces jours', PARIS, 'capture', [tasks('Nettoyer le frigo')]),
  p('title', "penser à renouveler l'assurance", PARIS, 'capture', [tasks("Renouveler l'assurance")]),
  p('title', 'je dois vraiment répondre au mail de Jo', PARIS, 'capture', [tasks('Répondre au mail de Jo')]),
  p('title', 'euh récupérer le pressing', PARIS, 'capture', [tasks('Récupérer le pressing')]),
  p('title', 'ajoute acheter des piles stp', PARIS, 'capture', [tasks('Acheter des piles')]),
  p('title', 'réparer le vélo, un jour', PARIS, 'capture', [tasks('Réparer le vélo')]),
  p('title', 'note : arroser les plantes', PARIS, 'capture', [tasks('Arroser les plantes')]),
  p('title', "acheter une carte d'anniversaire pour Mia, celle avec les chats", PARIS, 'capture', [
    tasks("Acheter une carte d'anniversaire pour Mia, celle avec les chats"),
  ]),
  p('title', 'bon il faut trouver un plombier', PARIS, 'capture', [tasks('Trouver un plombier')]),
  p('title', 'genre appeler la CAF vite fait', PARIS, 'capture', [tasks('Appeler la CAF')]),
  p('title', 'à faire : imprimer les billets', PARIS, 'capture', [tasks('Imprimer les billets')]),
  p('title', 'pitié il faut ranger ma chambre', PARIS, 'capture', [tasks('Ranger ma chambre')]),
  p('title', "j'ai besoin de prendre rdv chez le dentiste", PARIS, 'capture', [
    tasks('Prendre rdv chez le dentiste'),
  ]),
  p('title', 'du coup envoyer le devis à Paul', PARIS, 'capture', [tasks('Envoyer le devis à Paul')]),
  p('title', 'faudrait trier les papiers', PARIS, 'capture', [tasks('Trier les papiers')]),

  // Découpage implicite.
  p('breakdown', 'comment je commence mes impôts', PARIS, 'breakdown', [breakdown('impôts')]),
  p('breakdown', 'le garage me paraît impossible', PARIS, 'breakdown', [breakdown('garage')]),
  p('breakdown', 'par où commencer avec le mémoire', PARIS, 'breakdown', [breakdown('mémoire')]),
  p('breakdown', 'je sais pas par où commencer pour le déménagement', PARIS, 'breakdown', [
    breakdown('déménagement'),
  ]),
  p('breakdown', "ranger la cuisine ça a l'air impossible", PARIS, 'breakdown', [breakdown('cuisine')]),
  p('breakdown', 'aide-moi à découper le rapport', PARIS, 'breakdown', [breakdown('rapport')]),
  p('breakdown', 'comment attaquer ma boîte mail', PARIS, 'breakdown', [breakdown('boîte mail')]),
  p('breakdown', 'décompose le ménage', PARIS, 'breakdown', [breakdown('ménage')]),
  p('breakdown', 'découpe le dossier CAF', PARIS, 'breakdown', [breakdown('dossier CAF')]),
  p('breakdown', 'le mémoire me semble insurmontable', PARIS, 'breakdown', [breakdown('mémoire')]),
  p('breakdown', "je ne sais pas comment m'y prendre avec le déménagement", PARIS, 'breakdown', [
    breakdown('déménagement'),
  ]),
  p('breakdown', 'comment je commence la tâche 3', PARIS, 'breakdown', [breakdown('Envoyer le mail', 'f3')]),
  p('breakdown', "ma chambre c'est trop dur", PARIS, 'breakdown', [breakdown('chambre')]),
  p('breakdown', 'par où je commence pour les impôts', PARIS, 'breakdown', [breakdown('impôts')]),

  // Les commandes de base, en français.
  p('command', 'acheter du pain', PARIS, 'capture', [tasks('Acheter du pain')]),
  p('command', 'ajoute appeler la mairie', PARIS, 'capture', [tasks('Appeler la mairie')]),
  p('command', 'liste', PARIS, 'list', [], { replyIncludes: 'Appeler le dentiste' }),
  p('command', 'ma liste stp', PARIS, 'list', [], { replyIncludes: 'Acheter du lait' }),
  p('command', 'fait 2', PARIS, 'done', [complete('f2')]),
  p('command', "c'est fait pour le lait", PARIS, 'done', [complete('f2')]),
  p('command', "j'ai fini d'envoyer le mail à Sam", PARIS, 'done', [complete('f3')]),
  p('command', 'supprime le 5', PARIS, 'delete', [remove('f5')]),
  p('command', 'rappelle-moi demain à 9h de payer le loyer', PARIS, 'remind', [
    remind('payer le loyer', '2026-03-12T08:00:00Z'),
  ]),
  p('command', 'rappel dans 20 min sortir le linge', PARIS, 'remind', [
    remind('sortir le linge', '2026-03-11T13:20:00Z'),
  ]),
  p('command', 'mes rappels', PARIS, 'list_reminders', [], { replyIncludes: 'appeler maman' }),
  p('command', 'annule le rappel appeler maman', PARIS, 'cancel_reminder', [cancel('q3')]),
  p('command', 'focus 25 min', PARIS, 'focus', [focus(25)]),
  p('command', 'aide', PARIS, 'help', []),
  p('command', 'merci !', PARIS, 'greeting', []),
  p('command', 'tous les jours à 8h prendre mes médocs', PARIS, 'remind', [
    remind('prendre mes médocs', '2026-03-12T07:00:00Z', daily('08:00')),
  ]),
  p('command', 'oups pas fini', PARIS, 'undo', [reopen('d1')]),
  p('command', 'plus tard', PARIS, 'snooze', [snooze('2026-03-11T13:15:00Z')], { with: { last: 'laundry' } }),
  p('command', 'rappelle-moi à 17h30 de prendre le bus', PARIS, 'remind', [
    remind('prendre le bus', '2026-03-11T16:30:00Z'),
  ]),
  p('command', 'rapelle moi ds 10 min de sortir le gateau', PARIS, 'remind', [
    remind('sortir le gateau', '2026-03-11T13:10:00Z'),
  ]),
];
