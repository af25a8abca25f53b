import { CreateDateColumn, Entity, Index, PrimaryColumn, type Relation } from "typeorm";
import { RestrictedManyToOne } from "../../database/constraints";
import { ProducerGroup } from "../household/producer-group.entity";
import { PartnerOrganisation } from "./partner-organisation.entity";

/** A producer group whose aggregates a partner organisation may see. */
@Entity("partner_organisation_groups")
@Index(["producerGroupId"])
export class PartnerOrganisationGroup {
  @PrimaryColumn("uuid")
  partnerOrganisationId: string;

  @RestrictedManyToOne(() => PartnerOrganisation, "partner_organisation_id")
  partnerOrganisation?: Relation<PartnerOrganisation>;

  @PrimaryColumn("uuid")
  producerGroupId: string;

  @RestrictedManyToOne(() => ProducerGroup, "producer_group_id")
  producerGroup?: Relation<ProducerGroup>;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
