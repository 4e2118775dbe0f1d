// French verbs as tasks: "faut que j'achète des piles" says the task with a subjunctive; the task is
// its infinitive ("acheter des piles"). A small table of irregular verbs and the regular endings.
const IRREGULAR: Record<string, string> = {
  fasse: 'faire',
  aille: 'aller',
  prenne: 'prendre',
  reprenne: 'reprendre',
  sorte: 'sortir',
  parte: 'partir',
  mette: 'mettre',
  remette: 'remettre',
  lise: 'lire',
  dise: 'dire',
  ecrive: 'écrire',
  écrive: 'écrire',
  voie: 'voir',
  revoie: 'revoir',
  boive: 'boire',
  appelle: 'appeler',
  rappelle: 'rappeler',
  jette: 'jeter',
  renouvelle: 'renouveler',
};

/** The infinitive of a first-person subjunctive ("achète" → "acheter", "rende" → "rendre"). */
export function frInfinitive(word: string): string {
  const w = word.toLowerCase();
  const known = IRREGULAR[w];
  if (known) return known;
  if (/isse$/.test(w)) return w.replace(/isse$/, 'ir');
  if (/(?:en|on|an|er)de$/.test(w)) return w.replace(/de$/, 'dre');
  if (/[oa]ie$/.test(w)) return w.replace(/ie$/, 'yer');
  if (/e$/.test(w)) return `${w.replace(/è(?=\p{L}+$)/u, 'e')}r`;
  return word;
}

// "faut que j'achète", "il faut que je prenne": rewritten "je dois" + the infinitive, which every
// later step already reads (task leads, clean titles, the task said with a feeling).
const SUBJUNCTIVE = /(^|[\s,;.!])(?:il )?fau(?:t|drait|dra) (?:que |qu')(?:je |j'|j)(\p{L}+)/giu;

/** The text with "faut que je <subjunctive>" as "je dois <infinitive>". */
export function withInfinitives(text: string): string {
  return text.replace(
    SUBJUNCTIVE,
    (_m, lead: string, verb: string) => `${lead}je dois ${frInfinitive(verb)}`,
  );
}
