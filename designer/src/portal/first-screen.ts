/**
 * For a signed-in worker the server draws the service hall into the page (#pf-first; hosts/FormFlow.Server/WebUi/
 * PortalFirstScreen.cs): a phone shows it at first paint, with real links, before the scripts have run. The app renders
 * behind it, hidden (portal.css), and takes over once it has a page of its own to show: in a layout effect, so the
 * swap happens within one frame.
 */
export function handOverFirstScreen(): void {
  document.getElementById("pf-first")?.remove();
}
