// Help and greetings: short, warm, and never captured as tasks.
import type { BrainContext, BrainReply } from '../brain.types';
import { byTone, fitLines } from '../replies';
import { done } from '../respond';

export const HELP_RE =
  /^(?:help|help me|help pls|\?+|h|aide|what can you do|what do you do|how does (?:this|it) work|how do i use (?:this|you)|commands|menu|options|what can i say|what do i (?:text|send|say to|tell) you|instructions|comment [cç]a marche|tu sais faire quoi|tu fais quoi|qu'?est[- ]ce que tu (?:sais|peux) faire|comment [cç]a fonctionne|aide[- ]moi|au secours)\s*\??$/i;

export const GREETING_RE =
  /^(?:hi+|hello|hey+|heya|hiya|yo|sup|good (?:morning|afternoon|evening|night)|morning|evening|gm|thanks?|thank you(?: so much)?|thx|ty|tysm|cheers|merci(?: beaucoup)?|bonjour|bonsoir|salut|coucou|ok|okay|k|kk|cool|great|nice|awesome|perfect|got it|sounds good|love it|yes|yep|yeah|nvm|never ?mind|bye|goodbye|good night|gn|lol|haha+|:\)|<3)(?:[\s,!.]+(?:there|again|so much|a lot|you|bot|buddy|friend|mate))*[\s!.]*$/i;

const THANKS = /^(?:thanks?|thank you|thx|ty|tysm|cheers|merci)/i;
const BYE = /^(?:bye|goodbye|good night|gn)/i;
const DISMISS = /^(?:nvm|never ?mind)/i;

const EXAMPLES = [
  "'buy milk' - add a task",
  "'list' - see your tasks",
  "'done 2' - tick one off",
  "'remind me at 5pm to take meds'",
  "'snooze 10' / 'undo'",
  "'break down clean the kitchen'",
  "'focus 25' - a focus timer",
  "'reminders' - what's coming up",
];

export function handleHelp(ctx: BrainContext): BrainReply {
  const head = byTone(ctx, "Here's what I can do - just text me:", 'Try:');
  return done(ctx, 'help', fitLines(head, EXAMPLES, ctx.maxReplyChars));
}

export function handleGreeting(ctx: BrainContext, norm: string): BrainReply {
  if (THANKS.test(norm))
    return done(ctx, 'greeting', byTone(ctx, "Anytime! I'm here whenever you need me.", 'Anytime.'));
  if (BYE.test(norm)) return done(ctx, 'greeting', byTone(ctx, 'Take care! Text me anytime.', 'Bye.'));
  if (DISMISS.test(norm)) return done(ctx, 'greeting', 'No problem.');
  if (
    /^(?:ok|okay|k|kk|cool|great|nice|awesome|perfect|got it|sounds good|love it|yes|yep|yeah|lol|haha)/i.test(
      norm,
    )
  )
    return done(ctx, 'greeting', byTone(ctx, "Great! I'm here if you need anything.", 'OK.'));
  return done(
    ctx,
    'greeting',
    byTone(
      ctx,
      "Hi! Text me anything to add it to your list, or 'help' for ideas.",
      "Hi. Send a task or 'help'.",
    ),
  );
}
