// Feelings: "I can't get started", "I'm drowning", "j'ai encore merdé". Never a task: a warm,
// non-shaming answer with one tiny concrete step (a 10-minute timer, the first step of the thing they
// avoid, or a breakdown offer). Matched on the folded (accent-less, lower-case) text.

// Each alternative describes a state, not a to-do; they are read anywhere in a clause.
const FEELING_EN = [
  String.raw`(?:i )?can'?t (?:get started|start|focus|concentrate|do (?:this|it|anything)|get (?:anything|myself|going)|cope|deal|think|get out of bed|move)`,
  String.raw`i'?m (?:so |really |totally |completely |just |kind of |kinda )*(?:drowning|overwhelmed|stressed|anxious|exhausted|tired|burnt out|burned out|stuck|frozen|paralyzed|paralysed|hopeless|useless|a mess|a failure|lost|behind on everything|sad|down|depressed|done with everything|falling apart|freaking out|panicking|scattered|struggling|fried|spiraling|spiralling)`,
  String.raw`i (?:feel|am feeling|'m feeling|felt) (?:so |really |super |very )*(?:overwhelmed|bad|awful|terrible|stupid|lazy|useless|guilty|stuck|lost|anxious|stressed|like a failure|like crap|like shit|hopeless|down|sad|exhausted|tired|scattered|paralyzed|frozen|ashamed)`,
  String.raw`(?:i )?(?:messed|screwed|fucked) (?:it |things |everything )?up(?: again)?`,
  String.raw`i (?:hate myself|suck|give up|can'?t do this anymore|am hopeless|am useless|failed again|always forget|never finish anything|keep procrastinating|keep putting (?:it|this|things) off)`,
  String.raw`(?:it'?s|it is|everything'?s|everything is|everything feels|this is|life is|that'?s|it all feels|it feels) (?:all |just |so |way )?(?:too much|overwhelming|a mess|so hard|too hard|impossible)`,
  String.raw`(?:too much|so much) (?:to do|going on|stuff)`,
  String.raw`no (?:motivation|energy)|zero (?:motivation|energy)|brain (?:fog|is fried|won'?t work)|executive dysfunction`,
  String.raw`why (?:can'?t|cant|do|don'?t|am|is it so hard (?:for me )?to)(?: i)?\b`,
  String.raw`(?:i )?keep (?:putting (?:it |this |things )?off|avoiding|procrastinating)`,
  String.raw`i'?m hopeless|hopeless|what'?s wrong with me|ugh i'?m|i'?m such an idiot|i'?m an idiot`,
  String.raw`procrastinat(?:ing|ed|e)(?: again| all day)?`,
  String.raw`bad (?:day|week)|rough (?:day|week)|awful (?:day|week)`,
  String.raw`can'?t be bothered|zero energy|no energy left|running on empty`,
  String.raw`(?:everything|it all|my life|life|things|my head)(?: is|'s| are| feels)? (?:just |so |totally )?(?:falling apart|a mess|a disaster|crumbling|chaos|on fire)`,
  String.raw`feel(?:ing|s)? (?:like )?(?:(?:a|an|such a|total|complete|so|a total|a complete|the biggest) )*(?:failure|mess|idiot|loser|fraud|disaster|burden|wreck|joke)`,
  String.raw`i'?m (?:(?:such|a|an|such a|total|complete|a total|a complete|the biggest|hot) )*(?:mess|idiot|failure|loser|disaster|wreck|trainwreck|fraud|joke)`,
  String.raw`i (?:keep|always) (?:forgetting|messing (?:things |everything )?up|failing|screwing (?:things |everything )?up|dropping the ball|letting (?:everyone|people) down)`,
  String.raw`(?:my )?brain (?:is |feels |'s )?(?:mush|fried|dead|broken|scrambled|foggy|not working|offline|full)`,
  String.raw`(?:panicking|freaking out|spiraling|spiralling|losing it|losing my mind|falling behind|crying)`,
  // Without "I'm", as people text it: "so anxious", "soo tired rn", "feeling overwhelmed".
  String.raw`(?:(?:so|soo|sooo|really|super|very|feeling|feelin|kinda|totally) )+(?:drowning|overwhelmed|stressed|anxious|exhausted|tired|burnt out|burned out|stuck|frozen|paralyzed|paralysed|hopeless|useless|lost|behind|sad|down|depressed|scattered|fried|drained|done)`,
];
const FEELING_FR = [
  String.raw`(?:je )?(?:n'?)?(?:arrive|y arrive|arrives) (?:pas|plus|jamais)(?: a| à)?(?: (?:m'?y mettre|commencer|me lancer|me concentrer|demarrer|avancer|rien faire|faire quoi que ce soit|me motiver|me lever))?`,
  String.raw`j'?arrive (?:pas|plus|jamais)`,
  String.raw`je (?:me )?noie|je coule|je suis (?:sous l'eau|a la ramasse|a bout|au bout du rouleau|dans le mal)`,
  String.raw`(?:je suis|chui|je me sens|jme sens|je me sent) (?:tellement |trop |vraiment |completement |super |un peu |si |grave |hyper |ultra |carrement )*(?:en retard (?:sur|dans|partout)|a la bourre|a cran|noye|noyee|deborde|debordee|submerge|submergee|nul|nulle|perdu|perdue|epuise|epuisee|crevee?|depasse|depassee|bloque|bloquee|stresse|stressee|angoisse|angoissee|fatigue|fatiguee|une catastrophe|une merde|un boulet|inutile|coupable|mal|triste|paume|paumee|a plat|vide|decourage|decouragee|nulle a chier)`,
  String.raw`(?:j'?ai |jai )?(?:encore |trop )?(?:merde|foire|tout foire|tout rate|rate|tout gache|gache|fait n'importe quoi)`,
  String.raw`je craque|j'?en peux plus|jen peux plus|je stresse|je panique|j'?angoisse|je procrastine|je repousse tout|je galere|je suis nul`,
  String.raw`(?:c'?est|cest) (?:trop|beaucoup trop|la cata|la catastrophe|l'enfer|la galere|n'importe quoi)(?! (?:tard|tot|cher))`,
  String.raw`trop de (?:trucs|choses|taches)|(?:pas|aucune|zero) (?:de )?(?:motivation|energie)`,
  String.raw`pourquoi (?:je|j') (?:n'?)?(?:arrive|fais|oublie|suis)|qu'?est-ce qui (?:va pas|cloche) chez moi`,
  String.raw`j'?abandonne|je laisse tomber tout|je me deteste|je suis desespere|desesperee?|sans espoir`,
  String.raw`(?:sale|mauvaise|dure) (?:journee|semaine)`,
  String.raw`(?:j'?ai )?(?:la |grave la |trop la )?flemme|pas le courage|pas la force|aucune envie|envie de rien|plus envie de rien`,
];

// eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constant word lists, never from input
const FEELING = new RegExp(
  `(?:^|[^\\p{L}])(?:${[...FEELING_EN, ...FEELING_FR].join('|')})(?![\\p{L}])`,
  'iu',
);

/** Whether a (folded) clause says how the person feels. */
export function isFeeling(folded: string): boolean {
  return FEELING.test(folded);
}

/** Which kind of feeling, for the step offered. */
export type FeelingKind = 'stuck' | 'overwhelmed' | 'shame' | 'low';

export function feelingKind(folded: string): FeelingKind {
  if (
    /start|get going|m'?y mettre|commencer|lancer|demarrer|stuck|frozen|paraly|bloque|procrastin|repousse|motiv|focus|concentr/.test(
      folded,
    )
  )
    return 'stuck';
  if (
    /messed|screwed|fucked|failure|hopeless|useless|idiot|hate myself|suck|merde|foire|rate|gache|nul|catastrophe|boulet|coupable|deteste|desespere|always forget|oublie/.test(
      folded,
    )
  )
    return 'shame';
  if (
    /drown|overwhelm|too much|so much|noie|coule|deborde|submerge|sous l'eau|trop|craque|peux plus|ramasse|depasse|stress|panic|panique|angoiss/.test(
      folded,
    )
  )
    return 'overwhelmed';
  return 'low';
}
