/**
 * The server draws a first screen into the Portal's page (#pf-first), painted before the scripts have run: for a
 * signed-in worker the service hall, with real links (hosts/FormFlow.Server/WebUi/PortalFirstScreen.cs); for a visitor
 * without a session the sign-in form, which signs in by a plain form POST if 登录 is pressed before the app boots
 * (PortalSignInScreen.cs). The app renders behind it, hidden (portal.css), and takes over once it has a page of its
 * own to show: in a layout effect, so the swap happens within one frame.
 */
export function handOverFirstScreen(): void {
  document.getElementById("pf-first")?.remove();
}

/** What was typed into the drawn sign-in form before the app took over, and which field had the focus. */
export interface DrawnSignIn { userName: string; password: string; focused?: "userName" | "password" }

/** Read while the drawn form is still there (the sign-in page's first render), so that taking over loses nothing. */
export function drawnSignIn(): DrawnSignIn {
  const field = (name: "userName" | "password") => document.querySelector<HTMLInputElement>(`#pf-first input[name=${name}]`);
  const focused = (["userName", "password"] as const).find(name => field(name) !== null && field(name) === document.activeElement);
  return { userName: field("userName")?.value ?? "", password: field("password")?.value ?? "", ...(focused ? { focused } : {}) };
}
