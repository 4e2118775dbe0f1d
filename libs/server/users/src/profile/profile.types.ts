import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How a person appears: initials on a colour, or a small picture.' })
export class Avatar {
  @Field(() => String)
  initials!: string;

  @Field(() => String, { description: 'A #rrggbb colour from the palette.' })
  color!: string;

  @Field(() => String, { nullable: true, description: 'A data: URL of the uploaded picture, if any.' })
  imageUrl!: string | null;
}

@InputType({ description: 'Only the fields you send change.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'One of the palette colours (#rrggbb).' })
  avatarColor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A data: URL (PNG, JPEG or WebP, at most 64 KB, 32–512 px); null removes the picture.',
  })
  avatarImage?: string | null;
}
