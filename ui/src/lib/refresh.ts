//! After the kiosk switched to a new snapshot: does the screen the visitor is on still exist?
//! The shell keeps the visitor where they are when it does (reloading its data) and goes home
//! when it does not (the exhibitor left the fair, the pavilion was renamed).
import type { Backend } from "../backend";
import { isBackendError } from "../backend/types";
import type { Catalog } from "../state/catalog.svelte";
import type { Screen } from "../state/session.svelte";

export async function screenStillExists(
  screen: Screen,
  backend: Backend,
  catalog: Catalog,
): Promise<boolean> {
  switch (screen.name) {
    case "pavilion":
      return catalog.pavilions.some((p) => p.slug === screen.slug);
    case "category":
      return catalog.categories.some(
        (top) => top.slug === screen.slug || top.children.some((c) => c.slug === screen.slug),
      );
    case "exhibitor":
    case "contact":
      try {
        await backend.exhibitor(screen.id);
        return true;
      } catch (e) {
        if (isBackendError(e) && e.code === "not_found") return false;
        throw e;
      }
    default:
      return true;
  }
}
