import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DataExportStatusEnum {
  PENDING = 'pending',
  READY = 'ready',
  FAILED = 'failed',
  EXPIRED = 'expired',
}
registerEnumType(DataExportStatusEnum, { name: 'DataExportStatus' });

@ObjectType({
  description: 'A copy of your data: being made, ready to download (until it expires), or failed.',
})
export class DataExport {
  @Field(() => ID)
  id!: string;

  @Field(() => DataExportStatusEnum)
  status!: DataExportStatusEnum;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'After this the file is deleted.' })
  expiresAt!: Date | null;

  @Field(() => Int, { nullable: true })
  sizeBytes!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'When ready: GET it with your access token (Authorization: Bearer) to download the ZIP.',
  })
  downloadPath!: string | null;
}

/** Payload of `export.build`: build the ZIP of this export (it names the export, not the person). */
export interface ExportBuildPayload {
  exportId: string;
}

declare module '@pa/server-jobs' {
  interface JobPayloads {
    'export.build': ExportBuildPayload;
  }
}
