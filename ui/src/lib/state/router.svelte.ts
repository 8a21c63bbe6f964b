// Which view is showing. Herald has six, so a tiny state machine beats a router library.

export type Route =
  | { name: "board" }
  | { name: "declare" }
  | { name: "incident"; id: string }
  | { name: "settings" }
  | { name: "take-over" }
  | { name: "drills" };

export const router = $state<{ route: Route }>({ route: { name: "board" } });

export function navigate(route: Route): void {
  router.route = route;
}
