import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { User } from "../identity/user.entity";

/**
 * A CSV file made by a background job (a large export), kept in PostgreSQL so that any API
 * replica can serve its download; only `ownerUserId` may download it, until `expiresAt`.
 */
@Entity("export_files")
@Index(["ownerUserId", "createdAt"])
@Index(["expiresAt"])
export class ExportFile {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Who asked for the export: the only user the download route serves it to. */
  @Column("uuid")
  ownerUserId: string;

  @RestrictedManyToOne(() => User, "owner_user_id")
  owner?: Relation<User>;

  /** What it is, e.g. "packing-list". */
  @Column("varchar", { length: 40 })
  kind: string;

  /** The download's file name, e.g. packing-list-2011-04.csv. */
  @Column("varchar", { length: 200 })
  fileName: string;

  /** The whole CSV document (UTF-8 with BOM, CRLF line ends), as csvDocument wrote it. */
  @Column("text")
  content: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  /** After this the download answers 404 (the row may be deleted). */
  @Column("timestamptz")
  expiresAt: Date;
}
