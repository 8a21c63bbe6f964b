// A loopback receiver for Teams Workflows posts: checks the message envelope
// and parses the Adaptive Card with Microsoft's own library, answering 400
// with every validation event when the card is not valid 1.4.
// Prints "http PORT" once listening.
import http from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The bare package name fails under Node 20; the dist bundle loads.
const AC = require("adaptivecards/dist/adaptivecards.js");

function problems(text) {
  const found = [];
  if (Buffer.byteLength(text) > 28_000) found.push("message over 28 KB");
  const message = JSON.parse(text);
  if (message.type !== "message") found.push("type is not message");
  const attachment = message.attachments?.[0];
  if (attachment?.contentType !== "application/vnd.microsoft.card.adaptive") {
    found.push("no adaptive card attachment");
  }
  if (attachment?.contentUrl !== null) found.push("contentUrl must be null");
  const content = attachment?.content ?? {};
  if (content.version !== "1.4") found.push(`card version ${content.version}`);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) found.push(event.message);
  return found;
}

const server = http.createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    let found;
    try {
      found = problems(body);
    } catch (error) {
      found = [String(error)];
    }
    response.writeHead(found.length ? 400 : 202, { "content-type": "text/plain" });
    response.end(found.join("; "));
  });
});
server.listen(0, "127.0.0.1", () => console.log(`http ${server.address().port}`));
