import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'A browser push subscription (PushSubscription.toJSON()) and a name for the device.',
})
export class SubscribePushInput {
  @Field(() => String)
  endpoint!: string;

  @Field(() => String, { description: 'keys.p256dh, base64url.' })
  p256dh!: string;

  @Field(() => String, { description: 'keys.auth, base64url.' })
  auth!: string;

  @Field(() => String, { description: 'How you will recognise it, e.g. "Firefox on my laptop".' })
  deviceName!: string;
}
