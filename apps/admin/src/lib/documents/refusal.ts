import { graphql } from "../../gql/index.js";

/**
 * The fields of any ErrorResult a register form shows (`...RefusalFields` in a mutation's
 * answer): code, message in the page's language and, for invalid input, each field's problem.
 */
export const RefusalFields = graphql(`
  fragment RefusalFields on ErrorResult {
    errorCode
    message
    ... on InvalidInputError {
      problems {
        field
        message
      }
    }
  }
`);
