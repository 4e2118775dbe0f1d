// Clean titles: what a person typed around the task ("ugh", "pls", "dont forget to", "I need to",
// "maybe", "faut que je", "n'oublie pas de") goes; the task stays in their own words and language.
import { trimEndTokens } from '@pa/shared-domain';
import { tidyTitle } from '../text';

// Said before a task, in any order and number ("ok so ugh I really need to …").
// eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constant word lists, never from input
const HEAD = new RegExp(
  String.raw`^(?:` +
    [
      String.raw`u+g+h+|a+r+g+h*|hmm+|um+|uh+|erm|euh+|bof|pff+|oh|oh and|and|also|so|ok(?:ay)? so|ok(?:ay)?|okk|btw|lol|omg`,
      String.raw`please|pls|plz|hey|yo|quick one|note to self|reminder|todo|to-?do|task|note|noter|[àa] noter|hmm+|hm`,
      String.raw`(?:i )?(?:really |still |probably |definitely |seriously )?(?:need|have|want|ought|got|gotta|has) to`,
      String.raw`(?:i )?(?:really )?(?:should|must|gotta|shall)(?: (?:probably|really|finally|actually))?`,
      String.raw`i'?d like to|i'?m going to|i'?m gonna|gonna|gotta|i will|i'll|let me|lemme`,
      String.raw`(?:please )?(?:don'?t|do not|dont) (?:let me )?forget (?:to|about)?|remember to|remind me to|must not forget to`,
      String.raw`maybe|perhaps|probably|prob|probs|possibly|i guess|i think|just|actually|honestly|literally|lowkey|ngl|tbh|somehow|quickly|finally`,
      String.raw`at some point|sometime|some time|eventually|one day`,
      String.raw`(?:il )?fau(?:t|drait|dra)(?: que (?:je|j'))?|je dois|je devrais|j'?dois|faut`,
      String.raw`vraiment|absolument|encore|juste|d'abord|surtout|really|still|first`,
      String.raw`(?:n'?)?oublie(?:r)? pas (?:de|d')|ne pas oublier (?:de|d')|penser [àa]|pense [àa]|pensez [àa]`,
      String.raw`j'ai besoin (?:de|d')|je (?:veux|voudrais|vais)|essayer de|tenter de|peut[- ]?[êe]tre|genre|vite fait`,
      String.raw`bon|ben|bah|beh|bref|enfin|ouais|voila|alors|du coup|aussi|et|pitié|stp|svp|please|un jour|[àa] un moment`,
      // Greetings, thanks and requests to the assistant around a task ("thx! and book the vet").
      String.raw`hi|hello|hiya|heya|good morning|thanks|thank you|thx|ty|ok cool|merci|salut|coucou|bonjour|bonsoir`,
      String.raw`(?:can|could|would|will) (?:you|u)(?: please)?(?: add| put| note| jot down)?|tu (?:peux|pourrais)(?: ajouter| noter| mettre| rajouter)?|peux[- ]tu(?: ajouter| noter)?|pourrais[- ]tu(?: ajouter| noter)?`,
    ].join('|') +
    String.raw`)(?:\s+|[,:;!.-]+\s*|$|(?<='))`,
  'i',
);

// Said after a task.
// One word at a time (trimEndTokens): `(?:word)+$` is quadratic on "ok ! ! ! … x".
// eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constant word lists, never from input
const TAIL = new RegExp(
  String.raw`(?:(?:\s+|\s*[,;-]\s*)(?:please|pls|plz|lol|lmao|ugh|haha|maybe|tbh|ngl|imo|asap pls|i guess|or something|at some point|sometime|eventually|if i can|somehow|thanks|thx|ty|for me|pour moi|stp|svp|merci|mdr|peut[- ]?[êe]tre|un de ces jours|un jour|vite fait|[àa] un moment|quand m[êe]me|si je peux)|\s*[!.])$`,
  'iu',
);

// "forgot to X" → X; "forgot the gas bill" → "Pay the gas bill"; "j'ai oublié de X" → X.
const FORGOT_TO = /^(?:i\s+)?(?:totally\s+|completely\s+)?forgot\s+(?:to\s+)?/i;
const OUBLIE = /^(?:j'?ai\s+)?(?:encore\s+|complètement\s+|completement\s+)?oubli[ée]\s+(?:de\s+|d')?/i;
// eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
const BILL = /^(?:the|my|our)\s+(.*?\b(?:bill|rent|invoice|fine|fee|tax(?:es)?|subscription))\b/i;
const FACTURE = /^((?:la|le|les|ma|mon|mes)\s+(?:facture|loyer|amende|impôts?|impots?)\b.*)$/i;

/** A title from a piece of message: fillers out, "forgot X" as the task X, first letter upper case. */
export function cleanTitle(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 6; i++) {
    const next = trimEndTokens(t.replace(HEAD, ''), TAIL).trim();
    if (next === t) break;
    t = next;
  }
  if (FORGOT_TO.test(t)) {
    t = t.replace(FORGOT_TO, '');
    const bill = BILL.exec(t);
    if (bill) t = `pay ${t.slice(0, bill[0].length)}`;
  } else if (OUBLIE.test(t)) {
    t = t.replace(OUBLIE, '');
    const facture = FACTURE.exec(t);
    if (facture) t = `payer ${facture[1] ?? ''}`;
  }
  t = trimEndTokens(t, TAIL).trim();
  return tidyTitle(t);
}

/** Like cleanTitle, for a reminder's text: fillers out, the person's case kept. */
export function cleanText(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 6; i++) {
    const next = trimEndTokens(t.replace(HEAD, ''), TAIL).trim();
    if (next === t) break;
    t = next;
  }
  return t === '' ? text.trim() : t;
}
