import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One message as the union's SMS gateway took it (GATEWAY.md), with whether its signature held. */
export interface GatewayMessage { id: string; to: string; template: string; title: string; text: string; signatureValid: boolean }

export interface SmsGateway { url: string; secret: string; messages: GatewayMessage[]; stop(): Promise<void> }

/**
 * A union's SMS gateway on a free local port, as GATEWAY.md describes it: it checks each request's HMAC-SHA256 over
 * `{timestamp}.{raw body}` with the shared secret and a timestamp within five minutes, keeps every message it took,
 * and answers 204 (401 to a bad signature, which FormFlow would retry).
 */
export async function startSmsGateway(secret: string): Promise<SmsGateway> {
  const messages: GatewayMessage[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const timestamp = String(request.headers["x-formflow-timestamp"] ?? "");
      const expected = Buffer.from("sha256=" + createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex"));
      const given = Buffer.from(String(request.headers["x-formflow-signature"] ?? ""));
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
      const signatureValid = fresh && given.length === expected.length && timingSafeEqual(given, expected);
      messages.push({ ...(JSON.parse(body.toString("utf8")) as Omit<GatewayMessage, "signatureValid">), signatureValid });
      response.writeHead(signatureValid ? 204 : 401).end();
    });
  });
  await new Promise<void>(ok => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`, secret, messages,
    stop: () => new Promise<void>(ok => server.close(() => ok())),
  };
}
