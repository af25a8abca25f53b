import { graphql } from "../../gql/index.js";

/** A producer group as a choice or a label: its id and its Chinese and English names. */
export const ProducerGroupNames = graphql(`
  fragment ProducerGroupNames on ProducerGroup {
    id
    nameZh
    nameEn
  }
`);

/**
 * The producer groups the caller works for (all of them for an admin), to choose or name a
 * group: a cycle's group on the board, a trust event's group.
 */
export const ProducerGroupChoicesQuery = graphql(`
  query ProducerGroupChoices {
    producerGroups {
      ...ProducerGroupNames
    }
  }
`);
