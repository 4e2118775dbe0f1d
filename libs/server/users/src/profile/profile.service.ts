import type { DataSource } from 'typeorm';
import { AVATAR_COLORS, initialsOf } from '@pa/shared-domain';
import { User, parseDisplayName, type AuditService } from '@pa/server-auth';
import type { ClientInfo, PubSub } from '@pa/server-core';
import './profile.topics';
import { validationFailed } from '../users.errors';
import { checkAvatarImage, defaultAvatarColor } from './avatar';
import type { Avatar, UpdateProfileInput } from './profile.types';

/** Display name and avatar. */
export class ProfileService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly pubSub: PubSub,
  ) {}

  /** Applies the fields sent, all or nothing; each bad field gets its own message. */
  async update(userId: string, input: UpdateProfileInput, client: ClientInfo): Promise<User> {
    const errors: Record<string, string> = {};
    const set: Record<string, unknown> = {};
    if (input.displayName !== undefined) {
      try {
        if (input.displayName === null) throw new Error('required');
        set['display_name'] = parseDisplayName(input.displayName);
      } catch {
        errors['displayName'] = 'Use 1 to 80 characters.';
      }
    }
    if (input.avatarColor !== undefined) {
      const color = input.avatarColor?.toLowerCase() ?? null;
      if (color !== null && !(AVATAR_COLORS as readonly string[]).includes(color))
        errors['avatarColor'] = 'Pick one of the colours offered.';
      else set['avatar_color'] = color;
    }
    if (input.avatarImage !== undefined) {
      if (input.avatarImage === null) {
        set['avatar_image'] = null;
        set['avatar_image_type'] = null;
      } else {
        const check = checkAvatarImage(input.avatarImage);
        if (!check.ok) errors['avatarImage'] = check.message;
        else {
          set['avatar_image'] = check.bytes;
          set['avatar_image_type'] = check.type;
        }
      }
    }
    if (Object.keys(errors).length > 0) throw validationFailed(errors);
    const columns = Object.keys(set);
    if (columns.length > 0) {
      await this.ds.query(
        `UPDATE users SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
        [userId, ...columns.map((c) => set[c])],
      );
      await this.audit.record({
        action: 'profile_update',
        outcome: 'success',
        actorId: userId,
        client,
        details: {
          fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined),
        },
      });
      this.pubSub.publish('profileChanged', { userId });
    }
    return this.ds.getRepository(User).findOneByOrFail({ id: userId });
  }

  /** Avatar pictures of several people, in one query (data URLs). */
  async images(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.ds.query(
      `SELECT id, avatar_image_type, encode(avatar_image, 'base64') AS data
         FROM users WHERE id = ANY($1::uuid[]) AND avatar_image IS NOT NULL`,
      [userIds],
    )) as { id: string; avatar_image_type: string; data: string }[];
    return new Map(
      rows.map((r) => [r.id, `data:${r.avatar_image_type};base64,${r.data.replace(/\n/g, '')}`]),
    );
  }

  /** The avatar of a user row (the picture is loaded separately). */
  static avatarOf(user: User, imageUrl: string | null): Avatar {
    return {
      initials: initialsOf(user.displayName),
      color: user.avatarColor ?? defaultAvatarColor(user.id),
      imageUrl: user.avatarImageType ? imageUrl : null,
    };
  }
}
