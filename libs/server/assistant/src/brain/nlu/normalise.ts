// Step 1 of the pipeline: the message as people type it → one canonical form the rest reads. SMS
// shorthand is expanded ("tmrw", "rdv", "demain mat", "tjrs"), and French command and time words are
// rewritten to the English ones the time reader and the command patterns know ("rappelle-moi demain
// à 14h30 d'appeler le garage" → "remind me tomorrow at 14h30 d'appeler le garage"). Words that are
// not commands or times (the task itself) are left exactly as typed, so titles stay in French.
import type { Locale } from '../brain.types';
import { withInfinitives } from './french-verbs';

// Patterns are written without accents and matched on the folded text (same length as the text,
// one character for one), so the words around a match keep their accents and case.
const rule = (source: string, to: string, wordEnd = true): [RegExp, string] => [
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constant word lists, never from input
  new RegExp(String.raw`(?<![\p{L}\d'])(?:${source})${wordEnd ? String.raw`(?![\p{L}\d])` : ''}`, 'gu'),
  to,
];

// English shorthand, any locale.
const EN_SMS: [RegExp, string][] = [
  rule('tn|2nite|2night|tonite|tonigh', 'tonight'),
  rule('appt|apt|appnt|appointmt', 'appointment'),
  rule('b4', 'before'),
  rule('w/', 'with ', false),
  rule('rn', 'right now', true),
  rule('nxt', 'next'),
  rule('wkend|wknd', 'weekend'),
  rule('eow', 'end of the week'),
  rule('u', 'you'),
  rule('ur', 'your'),
  rule('pls|plz|plse', 'please'),
  rule('dont|dnt', "don't"),
  rule('cant', "can't"),
  rule('im', "i'm"),
  rule('ive', "i've"),
  rule('idk', "i don't know"),
  rule('wat|wut|wht|whta', 'what'),
  rule('l8r|l8er|ltr', 'later'),
  rule('2moro|2morrow|2mrw|tmw|tmoz|tomoz', 'tomorrow'),
  rule('(?:around|about|round|at about|at around) (?:lunch|lunchtime)', 'at lunch'),
  rule('shd|shld|shud', 'should'),
  rule('wud|wld', 'would'),
  rule('cud|cld', 'could'),
  // "text ana n remind me", "start w my taxes": one-letter words people type for "and" / "with".
  rule(String.raw`n(?= \p{L})`, 'and', false),
  rule(String.raw`w(?= \p{L})`, 'with', false),
  // "need 2 renew", "dont forget 2 buy": "2" is "to" only before a verb ("need 2 eggs" stays).
  rule(
    '(need|have|want|got|going|has|forget|remember|try|able|used) 2(?= (?:buy|call|get|go|do|make|pay|book|send|email|text|pick|take|renew|finish|clean|write|fix|check|see|ring|sort|ask|order|return|cancel|find|print|start|reply|answer|visit|bring|wash|feed|water|tidy|file|submit|post|sign|read|study|move|drop|collect|eat|sleep|leave|meet|phone|grab|look)\\b)',
    '$1 to',
    false,
  ),
  rule('aft|arvo|aftn|aftrn|afternon|aftanoon', 'afternoon'),
  // Day abbreviations; the ones that are also words only before a time ("sat 10am").
  rule('fri', 'friday'),
  rule('tues|tue', 'tuesday'),
  rule('weds', 'wednesday'),
  rule('thurs|thur|thu', 'thursday'),
  rule(String.raw`mon(?= (?:at |@ )?\d)`, 'monday', false),
  rule(String.raw`wed(?= (?:at |@ )?\d)`, 'wednesday', false),
  rule(String.raw`sat(?= (?:at |@ )?\d)`, 'saturday', false),
  rule(String.raw`sun(?= (?:at |@ )?\d)`, 'sunday', false),
];

// French shorthand.
const FR_SMS: [RegExp, string][] = [
  rule('tjrs|tjs|tjr', 'toujours'),
  rule('qd|qnd', 'quand'),
  rule('bcp', 'beaucoup'),
  rule('pr', 'pour'),
  rule('pk|pq|pcq', 'pourquoi'),
  rule('dc', 'donc'),
  rule('tt', 'tout'),
  rule('ac|avc', 'avec'),
  rule('mtn|maint|mnt', 'maintenant'),
  rule('jpp', "j'en peux plus"),
  rule('chui|chuis|jsuis|jsui|j suis', 'je suis'),
  rule("jdois|j'dois|jdoi", 'je dois'),
  rule("jarrive|j'arrive", "j'arrive"),
  rule('g oubli[eé]', "j'ai oublié"),
  rule('stp|svp|sil te plait|s il te plait', 'please'),
  rule('rdv|rendez[- ]vous|rendez vs|rdz vs', 'rdv'),
  rule('qqch|qqc|qque chose', 'quelque chose'),
  rule('kan', 'quand'),
  rule('ds', 'dans'),
  rule('c quoi', "c'est quoi"),
  rule('koi|kwa|qoi', 'quoi'),
  rule('jai', "j'ai"),
];

// French command and time words → the canonical English ones (ordered: longer phrases first).
const FR_CANON: [RegExp, string][] = [
  rule(
    "(?:est-ce que |peux-tu |tu peux |tu pourrais )?(?:rappelle[- ]?moi|rapelle[- ]?moi|rappel[- ]?moi|rappele[- ]?moi|fais[- ]moi penser|fait[- ]moi penser|n'oublie pas de me rappeler|oublie pas de me rappeler)",
    'remind me',
  ),
  rule(
    "(?:oups,? |oops,? )?(?:en fait )?(?:c'?etait |c'?est )?pas (?:fini|fait|termine)(?: en fait)?",
    'undo',
  ),
  rule("^(?:c'?est )?(?:fait|fini|termine|coche)(?: pour)?(?= \\S)", 'done'),
  rule("^j'?ai (?:fini|fait|termine)(?: de | d'| )", 'done ', false),
  rule('vite fait', ''),
  rule(
    '(?:annule|supprime|arrete|enleve|efface)(?: le| les| mon| mes| ce| ces)? rappels?(?: de| du| pour| des)?',
    'cancel reminder',
  ),
  rule('demain (?:mat|matin|matinee)', 'tomorrow morning'),
  rule('demain (?:aprem|apres-midi|apres midi|aprèm)', 'tomorrow afternoon'),
  rule('demain soir', 'tomorrow evening'),
  rule('ce midi', 'at lunch'),
  rule('(?:ce|se|c|2)[ -]?soir', 'tonight'),
  rule('csoir', 'tonight'),
  rule('ce (?:mat|matin)', 'this morning'),
  rule('(?:cet|cette|c) ?(?:apres-midi|apres midi|aprem|aprèm)', 'this afternoon'),
  rule('apres[- ]demain', 'day after tomorrow'),
  rule('dem1|2main|demain|dmain', 'tomorrow'),
  rule("aujourd'hui|aujourdhui|aujourd hui|auj|ajd|aujd", 'today'),
  rule(
    "tout a l'heure|tt a l'heure|tout a l heure|tantot|dans un moment|dans pas longtemps|dans un peu",
    'in a bit',
  ),
  rule('apres (?:le |mon )?(?:dejeuner|dej|deje|manger|repas de midi|la pause dej)', 'after lunch'),
  rule(
    '(?:(?:juste |tout de suite )?apres|en sortant du|a la sortie du|quand je (?:sors|rentre) du) (?:le |mon |du )?(?:travail|boulot|taf|taff|bureau|job)',
    'after work',
  ),
  rule(
    "(?:a|pendant|vers) (?:la |ma )?pause (?:dej|dejeuner|de midi)|(?:a l'heure du|pendant le|au) (?:dejeuner|dej)",
    'at lunch',
  ),
  rule('(?:a la |en )?premiere heure|des le reveil|en debut de matinee|des le matin', 'first thing'),
  rule(
    "(?:en |d'ici (?:la )?|avant la |pour la |a la )?fin de (?:la )?semaine|avant le (?:week-end|weekend|we)",
    'end of the week',
  ),
  rule('(?:la )?semaine (?:prochaine|pro)', 'next week'),
  rule('ce (?:week-end|weekend|we)', 'this weekend'),
  rule('le matin', 'in the morning'),
  rule('le soir', 'in the evening'),
  rule('dans (?:une |1 )?demi[- ]heure', 'in 30 min'),
  rule("dans (?:un )?quart d'heure", 'in 15 min'),
  rule('tous les (?:matins)', 'every morning'),
  rule('tous les (?:soirs)', 'every evening'),
  rule('(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) prochain', 'next $1'),
  rule('(?:ce |le )?lundi', 'monday'),
  rule('(?:ce |le )?mardi', 'tuesday'),
  rule('(?:ce |le )?mercredi', 'wednesday'),
  rule('(?:ce |le )?jeudi', 'thursday'),
  rule('(?:ce |le )?vendredi', 'friday'),
  rule('(?:ce |le )?samedi', 'saturday'),
  rule('(?:ce |le )?dimanche', 'sunday'),
  rule('next (monday|tuesday|wednesday|thursday|friday|saturday|sunday)', 'next $1'),
  rule('janvier', 'january'),
  rule('fevrier', 'february'),
  rule('mars', 'march'),
  rule('avril', 'april'),
  rule('mai', 'may'),
  rule('juin', 'june'),
  rule('juillet', 'july'),
  rule('aout', 'august'),
  rule('septembre', 'september'),
  rule('octobre', 'october'),
  rule('novembre', 'november'),
  rule('decembre', 'december'),
  rule(
    'le (\\d{1,2}) (january|february|march|april|may|june|july|august|september|october|november|december)',
    'on $1 $2',
  ),
  rule('(?:a|vers|pour) (\\d{1,2}) ?h ?(\\d{2})', 'at $1h$2'),
  rule('(?:a|vers|pour) (\\d{1,2}) ?h', 'at $1h'),
  rule('(\\d{1,2}) ?h (\\d{2})', '$1h$2'),
  rule('(?:a|vers) (\\d{1,2})(?![\\d:h])', 'at $1'),
  rule('(?:a|vers) midi', 'at noon'),
  rule('(?:a )?minuit', 'at midnight'),
];

const FR_MARKERS =
  /(?<![\p{L}])(?:je|j'|tu|il|le|la|les|des|du|un|une|et|est|pas|plus|pour|avec|mon|ma|mes|ton|ta|c'est|faut|dois|demain|soir|matin|rdv|rappelle|rappel|aujourd'hui|maintenant|quoi|suis|ai|faire|fait|fini|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce|cet|cette|chez|rien|encore|trop|merci|salut|bonjour|coucou|oui|non|d'|l'|qu'|n'|m'|au|aux|sur|dans|[àç]|h\d\d|\d{1,2}h)(?![\p{L}])|[éèêàçù]/giu;
const EN_MARKERS =
  /(?<![\p{L}])(?:i|i'm|im|the|to|my|me|at|tomorrow|tonight|remind|and|is|it|of|for|in|on|with|please|need|what|now|what's|can't|don't|you|your|a|an|this|that|do|am|feel|just|buy|call)(?![\p{L}])/giu;

/** The language a message is written in: French when its French words outnumber its English ones. */
export function detectLocale(text: string, fallback: Locale = 'en'): Locale {
  const fr = (text.match(FR_MARKERS) ?? []).length;
  const en = (text.match(EN_MARKERS) ?? []).length;
  if (fr === 0 && en === 0) return fallback;
  if (fr > en) return 'fr';
  if (en > fr) return 'en';
  return fallback;
}

/** Lower case, no accents: the form French patterns match on. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The canonical form of a message (see the file comment); `french` applies the French rewrites. */
export function canonical(text: string, french: boolean): string {
  let t = text.normalize('NFC').replace(/[\u2018\u2019\u02BC`´]/g, "'");
  let f = fold(t);
  // A character whose lower case is longer (rare): work on the folded text itself.
  if (f.length !== t.length) t = f;
  const rules = french ? [...EN_SMS, ...FR_SMS, ...FR_CANON] : EN_SMS;
  for (const [re, to] of rules) {
    re.lastIndex = 0;
    if (!re.test(f)) continue;
    re.lastIndex = 0;
    for (const m of [...f.matchAll(re)].reverse()) {
      const at = m.index ?? 0;
      const by = to.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
      t = t.slice(0, at) + by + t.slice(at + m[0].length);
      f = f.slice(0, at) + by + f.slice(at + m[0].length);
    }
  }
  if (french) t = withInfinitives(t);
  return t.replace(/[ \t]+/g, ' ').trim();
}
