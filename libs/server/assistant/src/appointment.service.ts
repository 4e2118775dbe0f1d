import type { DataSource, EntityManager } from 'typeorm';
import { TASK_TITLE_MAX } from '@pa/shared-domain';
import { Appointment } from './appointment.entity';
import { AssistantErrorCode, assistantError } from './assistant.errors';

type Db = DataSource | EntityManager;

interface AppointmentRow {
  id: string;
  user_id: string;
  title: string;
  starts_at: Date;
  reminder_id: string | null;
  created_at: Date;
}

const COLUMNS = 'id, user_id, title, starts_at, reminder_id, created_at';

const toAppointment = (r: AppointmentRow): Appointment =>
  Object.assign(new Appointment(), {
    id: r.id,
    userId: r.user_id,
    title: r.title,
    startsAt: r.starts_at,
    reminderId: r.reminder_id,
    createdAt: r.created_at,
  });

/** A person's appointments, scoped by owner. */
export class AppointmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keeps an appointment (its reminder is linked once made, see `linkReminder`). */
  async create(
    userId: string,
    input: { title: string; startsAt: Date; sourceMessageId?: string | null },
    db: Db = this.ds,
  ): Promise<Appointment> {
    const title = input.title.replace(/\s+/g, ' ').trim();
    if (title.length === 0 || [...title].length > TASK_TITLE_MAX || Number.isNaN(input.startsAt.getTime()))
      throw assistantError(AssistantErrorCode.INVALID_TASK);
    const rows = (await db.query(
      `INSERT INTO appointments (user_id, title, starts_at, source_message_id) VALUES ($1, $2, $3, $4)
       RETURNING ${COLUMNS}`,
      [userId, title, input.startsAt, input.sourceMessageId ?? null],
    )) as AppointmentRow[];
    return toAppointment(rows[0] as AppointmentRow);
  }

  async linkReminder(userId: string, id: string, reminderId: string, db: Db = this.ds): Promise<void> {
    await db.query(`UPDATE appointments SET reminder_id = $3 WHERE user_id = $1 AND id = $2`, [
      userId,
      id,
      reminderId,
    ]);
  }

  /** Appointments not yet over (started within the last hour, or later), soonest first. */
  async upcoming(userId: string, limit = 100, db: Db = this.ds): Promise<Appointment[]> {
    const rows = (await db.query(
      `SELECT ${COLUMNS} FROM appointments WHERE user_id = $1 AND starts_at > $2
        ORDER BY starts_at, id LIMIT $3`,
      [userId, new Date(this.now().getTime() - 3_600_000), limit],
    )) as AppointmentRow[];
    return rows.map(toAppointment);
  }
}
