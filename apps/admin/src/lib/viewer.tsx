import { useQuery } from "@apollo/client/react";
import { type Permission, type Role, roleHasPermission } from "@nested/domain";
import { createContext, type ReactNode, useContext } from "react";
import { graphql } from "../gql/index.js";

const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      locale
    }
  }
`);

/** The signed-in staff member or partner user, or null when nobody is signed in. */
export interface AdminViewer {
  id: string;
  displayName: string;
  email?: string | null;
  role: Role;
  locale: string;
}

interface ViewerState {
  viewer: AdminViewer | null;
  /** True until the first answer to `me` arrives. */
  loading: boolean;
  /** Asks `me` again (after sign-in and sign-out). */
  refresh(): Promise<unknown>;
}

const ViewerContext = createContext<ViewerState>({
  viewer: null,
  loading: true,
  refresh: () => Promise.resolve(),
});

/**
 * Reads `me` once for the whole SPA. An UNAUTHENTICATED refusal (no session, or it expired) means
 * nobody is signed in; the pages then send the user to the sign-in page.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data, loading, refetch } = useQuery(MeQuery, { errorPolicy: "all" });
  const viewer = data?.me ?? null;
  return (
    <ViewerContext.Provider value={{ viewer, loading: loading && !data, refresh: refetch }}>
      {children}
    </ViewerContext.Provider>
  );
}

/** The viewer, whether it is still loading, and `can(permission)` by the role's permissions. */
export function useViewer(): ViewerState & { can(permission: Permission): boolean } {
  const state = useContext(ViewerContext);
  return { ...state, can: (permission) => roleHasPermission(state.viewer?.role, permission) };
}
