"""Loopback receivers that check Herald's requests with the vendors' own code.

  /slack       Slack Block Kit via slack_sdk (Block.parse_all, then to_dict on each)
  /mattermost  Slack-compatible attachments via slack_sdk (Mattermost has no validator)
  /chat        Google Chat Message via google-apps-chat's protobuf, unknown fields refused
  /signed      Standard Webhooks signature via the standardwebhooks library
  SMTP         aiosmtpd, storing each message in a Maildir

Each request is answered 200 when valid and 400 with the reason when not, and
appended to requests.jsonl in the output directory. Prints "http PORT" and
"smtp PORT" once listening. Usage: receiver.py OUTPUT_DIR SIGNING_SECRET
"""

import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from google.apps import chat_v1
from google.protobuf import json_format
from slack_sdk.models.attachments import Attachment
from slack_sdk.models.blocks import Block
from standardwebhooks.webhooks import Webhook

OUT = Path(sys.argv[1])
SECRET = sys.argv[2]
LOCK = threading.Lock()


def check_slack(payload):
    blocks = payload.get("blocks", [])
    if len(blocks) > 50:
        raise ValueError(f"{len(blocks)} blocks; Slack takes 50")
    parsed = Block.parse_all(blocks)
    if len(parsed) != len(blocks) or any(b is None for b in parsed):
        raise ValueError("a block slack_sdk does not know")
    for block in parsed:
        block.to_dict()
    if len(payload.get("text", "")) > 4000:
        raise ValueError("text over 4000 characters")


def check_mattermost(payload):
    if not payload.get("text"):
        raise ValueError("no text")
    for attachment in payload.get("attachments", []):
        Attachment(**attachment).to_dict()


def check_chat(body):
    json_format.Parse(body, chat_v1.Message.pb()(), ignore_unknown_fields=False)
    if len(body) > 32_000:
        raise ValueError("card over 32 KB")


def check_signed(body, headers):
    Webhook(SECRET).verify(body, {k.lower(): v for k, v in headers.items()})


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = self.rfile.read(length)
        route = self.path.split("?")[0]
        problem = ""
        try:
            if route == "/slack":
                check_slack(json.loads(body))
            elif route == "/mattermost":
                check_mattermost(json.loads(body))
            elif route == "/chat":
                check_chat(body.decode("utf-8"))
            elif route == "/signed":
                check_signed(body, dict(self.headers))
            else:
                problem = f"unknown route {route}"
        except Exception as error:  # the validator's own message is the point
            problem = f"{type(error).__name__}: {error}"
        with LOCK, open(OUT / "requests.jsonl", "a", encoding="utf-8") as log:
            log.write(json.dumps({"path": self.path, "body": body.decode("utf-8"), "problem": problem}) + "\n")
        answer = (problem or "ok").encode("utf-8")
        self.send_response(400 if problem else 200)
        self.send_header("content-type", "text/plain; charset=utf-8")
        self.send_header("content-length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def free_port():
    # aiosmtpd's controller connects to its own port to confirm it started, so
    # it needs a real number rather than 0.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    maildir = OUT / "mail"
    smtp_port = free_port()
    smtp = Controller(Mailbox(maildir), hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"smtp {smtp_port}", flush=True)
    print(f"http {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
