// The model path is premium's: only a person whose role grants `assistant:advanced:own` (read by the
// service into `BrainContext.advanced`) is answered by the model; everyone else by the built-in brain.
import type { AssistantBrain, BrainContext, BrainReply } from '../brain.types';

export class GatedBrain implements AssistantBrain {
  readonly name: string;

  constructor(private readonly brains: { advanced: AssistantBrain; basic: AssistantBrain }) {
    this.name = `gated:${brains.advanced.name}|${brains.basic.name}`;
  }

  reply(message: string, ctx: BrainContext): Promise<BrainReply> {
    return ctx.advanced === true
      ? this.brains.advanced.reply(message, ctx)
      : this.brains.basic.reply(message, ctx);
  }
}
