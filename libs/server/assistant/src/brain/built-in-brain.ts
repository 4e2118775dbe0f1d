// The built-in, offline, deterministic brain: the pipeline in nlu/pipeline.ts.
import type { AssistantBrain, BrainContext, BrainReply } from './brain.types';
import { replyTo } from './nlu/pipeline';

export { replyTo };

/** The built-in, offline, deterministic brain. */
export class BuiltInBrain implements AssistantBrain {
  readonly name = 'built-in';

  async reply(message: string, ctx: BrainContext): Promise<BrainReply> {
    return replyTo(message, ctx);
  }
}
