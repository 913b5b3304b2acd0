"""Build evals/data/ops: three documents of one fictional IT operations incident (written for
this eval, CC0-1.0) and the questions over them.

The documents: a Markdown postmortem (impact figures, a timeline as a pipe table, root cause,
contributing factors, action items as a table with owners, priorities and due dates), an on-call
runbook in plain text hard-wrapped at 72 columns (numbered sections and sub-sections, numbered
steps, commands on their own indented lines, warnings, thresholds, escalation contacts and
rotation rules) and an exported incident chat channel (one message per line, continuation lines
of a multi-line message indented under it). They agree on purpose, except one figure: the chat
gives 1,240 affected accounts, which the postmortem corrects to 917.

Run: python evals/data/_tools/build_ops.py   (then: python -m evals.dataset --check ops)
It writes the documents under evals/data/ops/docs/ (the runbook wrapped here with textwrap,
deterministically), then questions.jsonl and everyday_words.json. Evidence offsets are never
typed: each quote is written with single spaces and located with a regex in which a space
matches any run of whitespace (the runbook is hard-wrapped, the timeline is a table), so the
stored quote is the document's exact text[start:end], newlines included.
"""

from __future__ import annotations

import textwrap
from functools import partial

from common import DATA, Q, corpus_docs, finish, hist, located

PM = "postmortem.md"
RB = "runbook.txt"
CL = "chat-log.txt"
WIDTH = 72

# --- the postmortem (Markdown) ------------------------------------------------------------------
POSTMORTEM = """\
# Postmortem: Tallybook unavailable after a database volume filled up

- **Incident:** INC-2026-031
- **Date:** Saturday 14 March 2026
- **Severity:** SEV-1 (declared as SEV-2 at 02:17, raised to SEV-1 at 02:28)
- **Customer impact:** 02:14 to 03:06 UTC, 52 minutes
- **Incident commander:** Joss Mbeki
- **Written by:** Joss Mbeki, with Dana Kowalczyk and Tomás Reyes, on 18 March 2026
- **Status:** final, agreed at the incident review on 19 March 2026

This postmortem is blameless. It describes what our systems and procedures allowed to happen,
not who made a mistake.

## Summary

At 02:14 UTC on Saturday 14 March 2026 the data volume of db-prod-1, the primary PostgreSQL
server of the Tallybook production cluster (pgc-prod), filled up and PostgreSQL stopped.
Tallybook, Quillfern's invoicing and card payment service for small businesses, could not save
anything for 30 minutes, and about 18% of requests kept failing for a further 22 minutes.

The volume filled because archiving of the write-ahead log (WAL) to the bucket qf-wal-archive
had been failing since 16:52 the previous afternoon. The bucket's access key had been rotated
under change CHG-3381, and the database hosts still had the old key. PostgreSQL keeps every WAL
file that has not been archived, so pg_wal grew from about 6 GB to 241 GB in just over nine
hours, until the 400 GB volume was full.

We restored service by failing over to the replica, db-prod-2, at 02:41, after first installing
the new key on it, and by restarting tally-api at 02:58. Customer impact ended at 03:06. No data
was lost. db-prod-2 remains the primary; db-prod-1 has been its replica since 11:20 on 14 March.

## Impact

- **Duration:** 52 minutes of customer impact, from 02:14 to 03:06 UTC. For the first 30 minutes
  (02:14 to 02:44) no write succeeded and 97% of API requests failed. From 02:44 to 03:06 about
  18% of requests failed.
- **Customers:** 917 customer accounts had at least one failed request, 648 of them on paid
  plans. (The incident channel first gave 1,240; see Corrections.)
- **Card payments:** 1,306 card payments made by our customers' payers failed between 02:14 and
  02:44. By 18 March, 1,041 of them had gone through on a later attempt and 265 had not.
- **Invoice emails:** 4,212 invoice emails waited in the queue and went out late. The last one was
  sent at 04:20, just over two hours after the incident began.
- **Support:** 131 support tickets about the incident were opened by 09:00 on Monday 16 March.
- **Service credits:** our terms promise 99.9% availability each month, and March 2026 will end
  at 99.88% at best. Each of the 648 affected accounts on a paid plan was credited £10, £6,480 in
  total, on its April invoice.
- **Data:** no data was lost. The last transaction committed on db-prod-1, at 02:13:58, is present
  on db-prod-2.

## Timeline

All times are UTC. The incident channel was #inc-2026-03-14-db.

| Time (UTC) | Event |
|---|---|
| 13 Mar 16:40 | Omar Haddad rotates the access key of the bucket qf-wal-archive (change CHG-3381). The old key is revoked at 16:45. |
| 13 Mar 16:52 | First failed WAL upload on db-prod-1 (`403 AccessDenied`). |
| 13 Mar 17:07 | Alert PGArchiveFailing fires. It is a ticket-severity alert and goes to #db-alerts-low, where nobody sees it. |
| 13 Mar 19:00 | The Friday evening invoice runs start. WAL grows by about 25 GB an hour until 23:30. |
| 14 Mar 01:50 | The nightly ledger rollup job starts and writes WAL at almost 4 GB a minute. |
| 14 Mar 01:58 | DiskUsageHigh (85%) on db-prod-1, posted to #db-alerts-low only. |
| 14 Mar 02:09 | DiskUsageCritical (95%) pages the primary on-call engineer, Dana Kowalczyk. |
| 14 Mar 02:11 | Dana acknowledges the page. |
| 14 Mar 02:14 | The volume is full. PostgreSQL on db-prod-1 stops with a PANIC and tally-api fails almost every request. **Customer impact begins.** |
| 14 Mar 02:17 | Dana opens #inc-2026-03-14-db and declares a SEV-2. |
| 14 Mar 02:19 | Dana pages the secondary on-call engineer, Felix Amadi. |
| 14 Mar 02:22 | Felix joins the channel. |
| 14 Mar 02:26 | Felix finds that WAL archiving has failed since 16:52 on 13 March with `403 AccessDenied`. |
| 14 Mar 02:28 | Joss Mbeki joins as incident commander and raises the incident to SEV-1. |
| 14 Mar 02:29 | Inês Pardo posts the first status page notice. |
| 14 Mar 02:30 | Tomás Reyes, the database lead, joins. |
| 14 Mar 02:33 | Decision to fail over to db-prod-2 (runbook section 3.2). |
| 14 Mar 02:36 | Felix installs the new archive key on db-prod-2 before promoting it. |
| 14 Mar 02:41 | db-prod-2 is promoted to primary, in 48 seconds. |
| 14 Mar 02:44 | PgBouncer repointed; writes succeed. The error rate falls from 97% to 18%. |
| 14 Mar 02:51 | Dana finds two of the six tally-api pods still holding connections to db-prod-1. |
| 14 Mar 02:58 | Rolling restart of tally-api (runbook section 4.1). |
| 14 Mar 03:06 | Error rate back to 0.1%. **Customer impact ends.** |
| 14 Mar 03:10 | Second status page update, 41 minutes after the first. |
| 14 Mar 03:21 | invoice-worker scaled from 3 to 8 replicas to clear the invoice queue. |
| 14 Mar 04:20 | The invoice email queue is empty; invoice-worker goes back to 3 replicas. |
| 14 Mar 04:35 | Joss closes the incident as resolved. |
| 14 Mar 11:20 | db-prod-1, on a new 800 GB volume, rejoins the cluster as a replica. |

## Root cause

Change CHG-3381 rotated the access key of qf-wal-archive as part of the quarterly key rotation.
The rotation checklist updates the secrets that our applications read from the vault. The WAL
archiver on the database hosts, walpush, does not read the vault: it reads its key from the file
/etc/walpush/credentials, which configuration management writes only when a database host is
deployed. Neither database host had been deployed since February, so both kept the old key, and
once the old key was revoked at 16:45 every WAL upload from db-prod-1 failed.

With archiving failing, pg_wal grew on the same 400 GB volume as the database itself, fastest
during the Friday evening invoice runs and the nightly ledger rollup, until at 02:14 PostgreSQL
could no longer write WAL and stopped.

## Contributing factors

1. **The archive alert did not page.** PGArchiveFailing fired at 17:07 on 13 March, nine hours
   before the volume filled. The runbook (section 3.4) and the alert rules treat it as ticket
   severity, so it went to #db-alerts-low, which nobody watches out of hours.
2. **The disk alert paged too late.** Database volumes page at 95%. While the rollup job was
   writing almost 4 GB a minute, that left five minutes between the page (02:09) and a full
   volume (02:14). The 85% warning at 01:58 does not page.
3. **The failover procedure was incomplete.** Section 3.2 of the runbook does not say to check the
   replica's archive key before promoting it, or to restart tally-api after repointing PgBouncer.
   Felix noticed the first gap during the incident; the second gave us 22 minutes at 18% errors.
4. **tally-api does not reconnect after a failover.** Its connection pool keeps connections to the
   old primary's address open, and two pods held theirs until they were restarted.
5. **Status updates lapsed.** The second status page update came 41 minutes after the first; the
   runbook asks for one at least every 30 minutes during a SEV-1.

## What went well

- Dana acknowledged the page within two minutes, and Felix joined three minutes after he was
  paged.
- Felix found the cause at 02:26, twelve minutes after the volume filled.
- Nobody deleted files from pg_wal by hand. Dana asked whether she could, and Felix pointed to the
  warning in runbook section 3.1.
- Installing the new key on db-prod-2 before promoting it stopped the same failure from starting
  again on the new primary.
- The promotion took 48 seconds, well inside the runbook's 60 seconds.
- The first status page notice went up at 02:29, 15 minutes after impact began, as the runbook
  asks.

## What went badly

- The problem was visible for nine hours, in a channel that nobody reads at night.
- We spent 22 minutes at 18% errors because the runbook does not mention restarting tally-api.
- Omar Haddad, who made the change, was not on call and was not reached until 04:05. Until then
  nobody could say whether anything else used the old key.

## Action items

| # | Action | Owner | Priority | Due |
|---|---|---|---|---|
| 1 | Make PGArchiveFailing page the on-call engineer at any hour once archiving has failed for 15 minutes | Felix Amadi | P1 | 2026-03-20 |
| 2 | Lower the paging threshold for database volumes from 95% to 80%, and page when a volume is predicted to fill within 4 hours | Dana Kowalczyk | P1 | 2026-03-27 |
| 3 | Add the database hosts, and a check of `qfdb archive-status`, to the key rotation checklist | Omar Haddad | P1 | 2026-03-27 |
| 4 | Add two steps to runbook section 3.2: install the current archive key on the replica before promoting it, and restart tally-api after repointing the pool | Tomás Reyes | P2 | 2026-04-03 |
| 5 | Make tally-api's connection pool drop and reopen its connections when the primary changes | Lena Vogt | P2 | 2026-04-17 |
| 6 | Have the incident bot remind the channel every 30 minutes to update the status page during a SEV-1 | Inês Pardo | P3 | 2026-04-10 |
| 7 | Move pg_wal to a volume of its own on both database hosts, so that WAL cannot fill the data volume | Tomás Reyes | P3 | 2026-05-01 |

## Corrections

At 03:15 the incident channel gave 1,240 as the number of accounts that hit errors. That figure
came from the dashboard's count of accounts that were signed in during the incident, whether or
not any of their requests failed. The API logs show that 917 accounts had at least one failed
request. 917 is the figure used in this postmortem and for the service credits.
"""

# --- the runbook (plain text, hard-wrapped by `render` below) --------------------------------
# Blocks: ("raw", line) as is; ("h1", title) underlined with "="; ("h2", title) with "-";
# ("p", text) a wrapped paragraph; ("step", n, text) a numbered step with a hanging indent;
# ("more", text) a further paragraph of the step above; ("cmd", command) on its own line,
# indented 8; ("warn", text) "WARNING: " and a hanging indent; ("row", label, value) a contact.
# fmt: off
RUNBOOK = [
    ("raw", "QUILLFERN SOFTWARE LTD"),
    ("raw", "TALLYBOOK ON-CALL RUNBOOK"),
    ("raw", "Version 4.3, last reviewed 2 February 2026 by Tomás Reyes"),
    ("p", "This runbook is for the engineers on the Tallybook on-call rota. It says who is on "
          "call, how to declare and escalate an incident, and what to do about the failures we "
          "see most often. Read sections 1 and 2 before your first week as primary."),
    ("h1", "1. ON CALL"),
    ("h2", "1.1 Who is on call"),
    ("p", "Two engineers are on call for Tallybook at all times: the primary, who receives every "
          "page first, and the secondary, who supports the primary and receives any page the "
          "primary has not acknowledged. The rota is kept in Pagewire, which also sends the "
          "pages."),
    ("h2", "1.2 Rotation rules"),
    ("step", 1, "A rotation lasts one week, from Monday 09:00 UTC to the following Monday 09:00 "
                "UTC. The outgoing and incoming primaries hold a 15-minute handover call at "
                "09:00 on the Monday."),
    ("step", 2, "Nobody is primary more than one week in five, and nobody is primary and "
                "secondary in the same week."),
    ("step", 3, "New engineers shadow two full rotations before they are put on the rota as "
                "primary."),
    ("step", 4, "Swaps must be agreed by both engineers and entered in Pagewire at least 48 hours "
                "before the swap starts. A swap that is not in Pagewire does not count: the page "
                "goes to whoever Pagewire shows."),
    ("step", 5, "After a night with more than two pages between 00:00 and 07:00 UTC, the primary "
                "may start the next working day at 12:00."),
    ("h2", "1.3 Acknowledging pages"),
    ("p", "Acknowledge every page within 5 minutes, even if you cannot act on it yet. A page "
          "that has not been acknowledged after 10 minutes goes to the secondary; after 20 "
          "minutes it goes to the engineering manager. Once you have acknowledged a page, be at "
          "a laptop within 15 minutes. If you cannot, say so in #oncall and hand the page to "
          "the secondary."),
    ("h1", "2. INCIDENTS AND ESCALATION"),
    ("h2", "2.1 Severity levels"),
    ("step", "SEV-1", "Tallybook is unavailable for all or most customers, more than 5% of card "
                      "payments fail for 5 minutes, or customer data may be lost. Needs an "
                      "incident commander. Status page notice within 15 minutes, then an update "
                      "at least every 30 minutes. Postmortem required."),
    ("step", "SEV-2", "A feature fails or is degraded for some customers. Status page notice "
                      "within 30 minutes. Postmortem required."),
    ("step", "SEV-3", "No visible customer impact. Handle it in working hours; no status page."),
    ("p", "If in doubt, choose the higher severity. It is easier to lower a severity than to "
          "explain why it was too low."),
    ("h2", "2.2 Declaring an incident"),
    ("step", 1, "Open a channel named #inc-YYYY-MM-DD-topic, for example #inc-2026-01-09-paygate."),
    ("step", 2, "Run /incident declare in the channel with the severity. Pagewire creates the "
                "incident record and posts its number."),
    ("step", 3, "For a SEV-1, page the engineering manager, who acts as incident commander or "
                "names one."),
    ("step", 4, "Tell customer support in #support-oncall, so that they can post the status page "
                "notice."),
    ("step", 5, "Keep decisions in the channel. If something was decided on a call, write it in "
                "the channel."),
    ("h2", "2.3 Escalation contacts"),
    ("p", "Page these people through Pagewire; their contact details are in Pagewire, not in "
          "this file."),
    ("row", "Database (pgc-prod, WAL archive)", "Tomás Reyes, database lead"),
    ("row", "Platform (Kubernetes, vault, keys)", "Omar Haddad"),
    ("row", "Payments (paygate, Fennick Pay)", "Kwame Asante"),
    ("row", "Customer support and status page", "Inês Pardo, support lead"),
    ("row", "Engineering manager", "Joss Mbeki"),
    ("row", "Chief technology officer", "Hannah Oyelaran"),
    ("p", "Page the chief technology officer for any SEV-1 whose customer impact lasts more than "
          "60 minutes, for any loss of customer data, and before anyone contacts a customer "
          "directly about an incident."),
    ("h1", "3. DATABASE: THE PGC-PROD CLUSTER"),
    ("p", "pgc-prod is a PostgreSQL 16 cluster of two hosts, db-prod-1 and db-prod-2. One is the "
          "primary and the other a streaming replica; qfdb status shows which is which. "
          "Applications connect through PgBouncer on pool-1, never directly to a database host. "
          "Each host has a 400 GB data volume that holds both the database and its write-ahead "
          "log (pg_wal). The WAL is archived to the bucket qf-wal-archive by walpush, which "
          "reads its key from /etc/walpush/credentials."),
    ("h2", "3.1 Disk space on a database host"),
    ("p", "Two alerts watch the data volumes: DiskUsageHigh at 85% used, which posts to "
          "#db-alerts-low and does not page, and DiskUsageCritical at 95%, which pages the "
          "primary."),
    ("step", 1, "Check the volume:"),
    ("cmd", "df -h /var/lib/postgresql"),
    ("step", 2, "Find out what is using the space:"),
    ("cmd", "du -sh /var/lib/postgresql/16/main/pg_wal"),
    ("cmd", "du -sh /var/lib/postgresql/16/main/base"),
    ("step", 3, "If pg_wal holds more than 50 GB, archiving is almost certainly failing: go to "
                "section 3.4."),
    ("step", 4, "If the base directory has grown instead, tell the database lead. A table may "
                "need attention in working hours."),
    ("step", 5, "If the volume will fill before the cause can be dealt with, grow it (section "
                "3.6) or fail over (section 3.2)."),
    ("warn", "never delete, move or compress files in pg_wal by hand, however full the volume "
             "is. PostgreSQL needs every file there to recover, and removing one can leave the "
             "cluster unable to start."),
    ("h2", "3.2 Failing over the database"),
    ("p", "Fail over when the primary cannot be brought back within 15 minutes, or at once if "
          "its host or its volume is lost. A failover takes the old primary out of service for "
          "good: it comes back only as a replica (section 3.5)."),
    ("p", "Before you start, check how far behind the replica is:"),
    ("cmd", "qfdb status pgc-prod"),
    ("p", "Do not promote a replica that is more than 64 MB behind the primary (the lag column) "
          "unless the database lead agrees: the transactions in the gap will be lost."),
    ("step", 1, "Say in the incident channel that you are failing over and who is running the "
                "commands. Only one person runs them."),
    ("step", 2, "Promote the replica:"),
    ("cmd", "qfdb failover --to db-prod-2 --confirm"),
    ("more", "Promotion normally takes less than 60 seconds. If it has not finished after 5 "
             "minutes, stop and page the database lead. Do not run the command a second time."),
    ("step", 3, "Point PgBouncer at the new primary:"),
    ("cmd", "qfdb pool repoint pgc-prod"),
    ("step", 4, "Check that writes work:"),
    ("cmd", "qfdb check-write pgc-prod"),
    ("step", 5, "Fence the old primary, so that it cannot come back as a second primary:"),
    ("cmd", "qfdb fence db-prod-1"),
    ("step", 6, "Open a ticket for the database team to rebuild the old primary as a replica "
                "(section 3.5)."),
    ("p", "If db-prod-2 is the primary, swap the two host names in these commands."),
    ("h2", "3.3 Replica lag"),
    ("p", "qfdb status shows the replica's lag in bytes and in seconds. A lag above 64 MB or 30 "
          "seconds for more than 10 minutes raises ReplicaLagHigh, which pages."),
    ("step", 1, "Look for long queries on the replica:"),
    ("cmd", "qfdb top db-prod-2 --longer-than 5m"),
    ("step", 2, "Cancel a report query that has run on the replica for more than 30 minutes; "
                "never cancel one on the primary."),
    ("step", 3, "If the lag keeps growing for 30 minutes, page the database lead."),
    ("h2", "3.4 WAL archiving failures"),
    ("p", "walpush copies every finished WAL file to qf-wal-archive. While archiving fails, "
          "PostgreSQL keeps every WAL file, and pg_wal grows until the volume is full. The alert "
          "PGArchiveFailing fires when archiving has failed for 15 minutes. It is a "
          "ticket-severity alert: it posts to #db-alerts-low and is handled on the next working "
          "day."),
    ("step", 1, "Check the archiver:"),
    ("cmd", "qfdb archive-status db-prod-1"),
    ("more", "Look at failed_count and last_failed_wal, and at the end of /var/log/walpush.log."),
    ("step", 2, "An AccessDenied error means that the key in /etc/walpush/credentials is wrong or "
                "has been revoked. Ask the platform team for the current key; do not create a "
                "new key yourself."),
    ("step", 3, "Once the key is correct, run qfdb archive-status again and check that "
                "failed_count has stopped rising. Archiving catches up by itself. Do not copy "
                "WAL files to the bucket by hand."),
    ("h2", "3.5 Rebuilding a replica"),
    ("p", "After a failover the cluster has no replica until the old primary is rebuilt. The "
          "database team rebuilds it within 24 hours:"),
    ("cmd", "qfdb rebuild-replica db-prod-1 --from db-prod-2"),
    ("p", "A rebuild copies the whole database and takes about 90 minutes. It is finished when "
          "qfdb status shows the host as streaming."),
    ("h2", "3.6 Growing a volume"),
    ("p", "Growing a data volume takes about 25 minutes and needs a restart of PostgreSQL on that "
          "host, so on the primary it means an interruption for customers. Ask the platform team "
          "to run:"),
    ("cmd", "qfdb volume grow db-prod-1 --size 800G"),
    ("h1", "4. APPLICATION SERVICES"),
    ("p", "Tallybook runs in the Kubernetes namespace tally: tally-web (the web front end), "
          "tally-api (six pods), invoice-worker (which sends invoices and invoice emails from a "
          "queue) and paygate (card payments through our payment provider, Fennick Pay)."),
    ("h2", "4.1 Restarting tally-api"),
    ("p", "Restart tally-api with a rolling restart, never by deleting pods one by one:"),
    ("cmd", "kubectl -n tally rollout restart deployment/tally-api"),
    ("cmd", "kubectl -n tally rollout status deployment/tally-api --timeout=10m"),
    ("p", "A rolling restart of the six pods takes about 4 minutes. If the rollout has not "
          "finished after 10 minutes, roll it back:"),
    ("cmd", "kubectl -n tally rollout undo deployment/tally-api"),
    ("h2", "4.2 Invoice queue backlog"),
    ("p", "QueueDepthHigh fires when the invoice queue holds more than 2,000 messages for 10 "
          "minutes. invoice-worker normally runs with 3 replicas."),
    ("step", 1, "Check the queue:"),
    ("cmd", "tallyctl queue depth invoices"),
    ("step", 2, "Scale invoice-worker up, to 8 replicas at most:"),
    ("cmd", "kubectl -n tally scale deployment/invoice-worker --replicas=8"),
    ("more", "Do not go above 8. The mail relay accepts at most 40 messages a second from us and "
             "blocks us for an hour if we send more."),
    ("step", 3, "Scale back to 3 replicas when the queue is empty."),
    ("h2", "4.3 Card payment failures"),
    ("p", "If more than 5% of card payments fail for 5 minutes, declare a SEV-1 (section 2.1). "
          "Check Fennick Pay's status page first; if they report a problem, there is nothing to "
          "change on our side, but post a status page notice. To reach Fennick Pay, open a case "
          "in their support portal with our merchant ID, QF-20417, and page Kwame Asante. A "
          "payer whose card payment fails sees a page asking them to try again; paygate does "
          "not retry card payments."),
    ("h1", "5. COMMUNICATION AND FOLLOW-UP"),
    ("h2", "5.1 Status page"),
    ("p", "The status page is at status.tallybook.example. Customer support posts and updates "
          "it. If nobody from support has acknowledged within 15 minutes of a SEV-1 being "
          "declared, the incident commander posts it. Say what customers cannot do, not why."),
    ("h2", "5.2 Postmortems"),
    ("p", "Every SEV-1 and SEV-2 gets a written postmortem within 5 working days, drafted by the "
          "incident commander and agreed at an incident review. Postmortems are blameless: they "
          "ask what allowed a failure to happen, not who caused it. Every action item has one "
          "owner, a priority from P1 to P3 and a due date. P1 actions are due within two weeks "
          "of the incident."),
]
# fmt: on


def _fill(text: str, first: str, rest: str) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=rest,
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip


def render(blocks: list[tuple]) -> str:
    """The runbook as plain text, hard-wrapped at WIDTH columns."""
    out: list[str] = []
    for block in blocks:
        kind, *args = block
        if kind == "raw":
            out.append(args[0])
        elif kind in ("h1", "h2"):
            out += ["", "", args[0], ("=" if kind == "h1" else "-") * len(args[0])]
        elif kind == "p":
            out += ["", _fill(args[0], "", "")]
        elif kind == "step":
            label, text = args
            head = f"  {label}. " if isinstance(label, int) else f"  {label}  "
            out += ["", _fill(text, head, " " * len(head))]
        elif kind == "more":
            out.append(_fill(args[0], " " * 5, " " * 5))
        elif kind == "cmd":
            out.append(" " * 8 + args[0])
        elif kind == "warn":
            out += ["", _fill(args[0], "WARNING: ", " " * 9)]
        elif kind == "row":
            if out[-1] != "" and not out[-1].startswith("  "):
                out.append("")
            label, who = args
            out.append(f"  {label} ".ljust(40, ".") + f" {who}")
        else:
            raise ValueError(kind)
    return "\n".join(out).strip("\n") + "\n"


# --- the chat log (one message per line; continuation lines indented by four spaces) ---------
CHAT = """\
Quillfern Chat export
Channel: #inc-2026-03-14-db
Exported: 2026-03-14 11:42 by joss.m
All times are UTC.

[2026-03-14 02:17] dana.k: opening this for db-prod-1. data volume hit 100% at 02:14 and postgres is down. declaring SEV-2 for now
[2026-03-14 02:17] pagewire: Incident INC-2026-031 declared by dana.k, severity SEV-2
[2026-03-14 02:18] dana.k: tally-api is throwing 500s on basically everything
[2026-03-14 02:19] dana.k: paging felix as secondary
[2026-03-14 02:20] dana.k: error rate 97% on the api dashboard. logins fail too
[2026-03-14 02:21] dana.k: df says 400G size, 400G used. pg_wal alone is 241G
[2026-03-14 02:22] felix.a: here, on my laptop now
[2026-03-14 02:22] felix.a: 241G of WAL?? the archiver must be stuck
[2026-03-14 02:23] dana.k: can I just rm the oldest WAL files to get some room back?
[2026-03-14 02:23] felix.a: NO. runbook 3.1, never delete anything in pg_wal by hand. it can leave the cluster unable to start
[2026-03-14 02:24] dana.k: ok ok, not touching it
[2026-03-14 02:26] felix.a: found it. archiver has been failing since yesterday afternoon:
    walpush: upload to qf-wal-archive failed: 403 AccessDenied
    last archived WAL at 2026-03-13 16:51
[2026-03-14 02:27] dana.k: 403 = the bucket key? wasn't there a key rotation yesterday
[2026-03-14 02:27] felix.a: yes, CHG-3381. omar rotated the wal archive key at 16:40. the db hosts still have the old one in /etc/walpush/credentials
[2026-03-14 02:28] joss.m: joining as IC. this is customer-facing and total, raising to SEV-1
[2026-03-14 02:28] pagewire: Severity of INC-2026-031 changed from SEV-2 to SEV-1 by joss.m
[2026-03-14 02:29] ines.p: status page is up: "Tallybook is unavailable. We are investigating." will keep it updated
[2026-03-14 02:29] joss.m: thanks ines. paging tomas, the db call is his
[2026-03-14 02:30] tomas.r: here, reading back
[2026-03-14 02:31] joss.m: options as I see them:
    a) grow the volume
    b) fix the key and let the archiver catch up
    c) fail over to db-prod-2
[2026-03-14 02:31] tomas.r: b) won't be quick. the archiver has to push ~235G before anything can be recycled, that's hours
[2026-03-14 02:32] felix.a: a) last time the volume grow took 25 min plus a postgres restart
[2026-03-14 02:32] dana.k: db-prod-2 is at 61% disk, lag 0 bytes. it has everything up to the stop
[2026-03-14 02:33] tomas.r: then fail over. the primary won't be back inside 15 min, that's runbook 3.2
[2026-03-14 02:33] dana.k: +1
[2026-03-14 02:33] joss.m: decision: fail over to db-prod-2. felix runs the commands, dana watches the api
[2026-03-14 02:34] felix.a: wait. if we promote db-prod-2 it archives with the same dead key and we're back here in a few hours
[2026-03-14 02:34] felix.a: putting the new key on db-prod-2 first. not in the runbook btw
[2026-03-14 02:35] tomas.r: good catch, do it
[2026-03-14 02:36] felix.a: new key in /etc/walpush/credentials on db-prod-2, test upload ok
[2026-03-14 02:37] joss.m: omar, are you around? need to know if anything else uses the old key
[2026-03-14 02:39] felix.a: qfdb status pgc-prod: db-prod-1 down, db-prod-2 streaming, lag 0. going ahead
[2026-03-14 02:40] felix.a: running qfdb failover --to db-prod-2 --confirm
[2026-03-14 02:41] felix.a: promoted. db-prod-2 is primary, took 48s
[2026-03-14 02:43] felix.a: qfdb pool repoint pgc-prod done
[2026-03-14 02:44] felix.a: check-write ok, writes are going through
[2026-03-14 02:44] dana.k: error rate coming down. 18% now, not 0 though
[2026-03-14 02:46] felix.a: db-prod-1 fenced
[2026-03-14 02:47] ines.p: 46 tickets in the support inbox so far. 3 customers say their clients can't pay invoices by card
[2026-03-14 02:49] dana.k: the errors all come from 2 pods, tally-api-7c9f-4 and tally-api-7c9f-6
[2026-03-14 02:51] dana.k: those 2 still have connections open to db-prod-1's address. their pool never reconnected
[2026-03-14 02:52] joss.m: can we restart just those two?
[2026-03-14 02:53] tomas.r: restart the whole deployment, rolling. runbook 4.1. safer than picking pods
[2026-03-14 02:53] joss.m: ok. dana, go
[2026-03-14 02:58] dana.k: kubectl -n tally rollout restart deployment/tally-api running
[2026-03-14 03:02] dana.k: rollout finished, 6/6 pods ready
[2026-03-14 03:06] dana.k: error rate 0.1%, back to normal
[2026-03-14 03:07] joss.m: customer impact 02:14 to 03:06 then. keeping SEV-1 open until the invoice queue is drained
[2026-03-14 03:08] ines.p: updating the status page now
[2026-03-14 03:10] ines.p: status page: "Tallybook is working again. Some invoice emails are delayed."
[2026-03-14 03:11] joss.m: ines, that was 41 min without an update. runbook says every 30 for a SEV-1. not pointing fingers, just noting it for the postmortem
[2026-03-14 03:12] ines.p: yes, I was buried in tickets. noted
[2026-03-14 03:15] ines.p: number for the postmortem: the dashboard says 1,240 accounts hit errors during the incident
[2026-03-14 03:16] joss.m: thanks, we'll check that against the api logs later
[2026-03-14 03:18] dana.k: invoice queue at 4,212 and going down slowly. worker is on 3 replicas
[2026-03-14 03:19] felix.a: scale it up?
[2026-03-14 03:20] tomas.r: max 8, the mail relay caps us at 40 msgs/s. runbook 4.2
[2026-03-14 03:21] dana.k: kubectl -n tally scale deployment/invoice-worker --replicas=8 done
[2026-03-14 03:52] ines.p: from the Fennick Pay dashboard: 1,306 card payments failed between 02:14 and 02:44
[2026-03-14 03:53] joss.m: does paygate retry them?
[2026-03-14 03:54] ines.p: no. payers get a page asking them to try again, that's all
[2026-03-14 04:05] omar.h: morning, just saw this. CHG-3381 was my change. the rotation checklist only covers the app secrets in the vault, not the db hosts. walpush reads a file that config management only writes on deploy
[2026-03-14 04:07] omar.h: nothing else uses that key, I checked
[2026-03-14 04:08] joss.m: thanks omar. the checklist is the gap, not you. can you own fixing the checklist?
[2026-03-14 04:08] omar.h: yes, will do
[2026-03-14 04:20] dana.k: invoice queue at 0, all 4,212 sent. worker back to 3 replicas
[2026-03-14 04:22] tomas.r: db-prod-1 stays fenced. I'll grow its volume to 800G and rebuild it as a replica in the morning
[2026-03-14 04:31] ines.p: status page set to resolved
[2026-03-14 04:35] joss.m: closing INC-2026-031 as resolved. I'll write the postmortem, draft by wednesday. thanks all, get some rest
[2026-03-14 04:35] pagewire: Incident INC-2026-031 resolved by joss.m
[2026-03-14 11:24] tomas.r: db-prod-1 is on an 800G volume and has been streaming from db-prod-2 since 11:20. we stay on db-prod-2 as primary, no failback planned
[2026-03-14 11:30] felix.a: archiver on db-prod-2: failed_count 0 since the promotion
"""

DOCUMENTS = {PM: POSTMORTEM, RB: render(RUNBOOK), CL: CHAT}


x = partial(located, DOCUMENTS)  # (doc_id, exact text[, nth]) of a quote written with single spaces

# --- quotes used by several questions ----------------------------------------------------------
META_IMPACT = "**Customer impact:** 02:14 to 03:06 UTC, 52 minutes"
META_IC = "**Incident commander:** Joss Mbeki"
META_SEV = "**Severity:** SEV-1 (declared as SEV-2 at 02:17, raised to SEV-1 at 02:28)"
SUMMARY_1 = (
    "At 02:14 UTC on Saturday 14 March 2026 the data volume of db-prod-1, the primary PostgreSQL "
    "server of the Tallybook production cluster (pgc-prod), filled up and PostgreSQL stopped."
)
SUMMARY_CAUSE = (
    "The bucket's access key had been rotated under change CHG-3381, and the database hosts "
    "still had the old key."
)
SUMMARY_GROWTH = (
    "so pg_wal grew from about 6 GB to 241 GB in just over nine hours, until the 400 GB volume "
    "was full."
)
SUMMARY_FIX = (
    "We restored service by failing over to the replica, db-prod-2, at 02:41, after first "
    "installing the new key on it, and by restarting tally-api at 02:58."
)
STILL_PRIMARY = (
    "db-prod-2 remains the primary; db-prod-1 has been its replica since 11:20 on 14 March."
)
WHAT_TALLYBOOK = "Tallybook, Quillfern's invoicing and card payment service for small businesses,"
FIRST_30 = (
    "For the first 30 minutes (02:14 to 02:44) no write succeeded and 97% of API requests failed. "
    "From 02:44 to 03:06 about 18% of requests failed."
)
CUSTOMERS = (
    "**Customers:** 917 customer accounts had at least one failed request, 648 of them on paid "
    "plans."
)
PAYMENTS = (
    "**Card payments:** 1,306 card payments made by our customers' payers failed between 02:14 "
    "and 02:44. By 18 March, 1,041 of them had gone through on a later attempt and 265 had not."
)
EMAILS = (
    "**Invoice emails:** 4,212 invoice emails waited in the queue and went out late. The last one "
    "was sent at 04:20, just over two hours after the incident began."
)
SUPPORT = (
    "**Support:** 131 support tickets about the incident were opened by 09:00 on Monday 16 March."
)
CREDITS = (
    "Each of the 648 affected accounts on a paid plan was credited £10, £6,480 in total, on its "
    "April invoice."
)
AVAILABILITY = (
    "our terms promise 99.9% availability each month, and March 2026 will end at 99.88% at best."
)
NO_DATA = (
    "**Data:** no data was lost. The last transaction committed on db-prod-1, at 02:13:58, is "
    "present on db-prod-2."
)
ROW_ROTATE = (
    "| 13 Mar 16:40 | Omar Haddad rotates the access key of the bucket qf-wal-archive (change "
    "CHG-3381). The old key is revoked at 16:45. |"
)
ROW_ALERT = (
    "| 13 Mar 17:07 | Alert PGArchiveFailing fires. It is a ticket-severity alert and goes to "
    "#db-alerts-low, where nobody sees it. |"
)
ROW_ROLLUP = "| 14 Mar 01:50 | The nightly ledger rollup job starts and writes WAL at almost 4 GB a minute. |"
ROW_ACK = "| 14 Mar 02:11 | Dana acknowledges the page. |"
ROW_FULL = (
    "| 14 Mar 02:14 | The volume is full. PostgreSQL on db-prod-1 stops with a PANIC and tally-api "
    "fails almost every request. **Customer impact begins.** |"
)
ROW_FOUND = (
    "| 14 Mar 02:26 | Felix finds that WAL archiving has failed since 16:52 on 13 March with "
    "`403 AccessDenied`. |"
)
ROW_KEY = "| 14 Mar 02:36 | Felix installs the new archive key on db-prod-2 before promoting it. |"
ROW_REPOINT = (
    "| 14 Mar 02:44 | PgBouncer repointed; writes succeed. The error rate falls from 97% to 18%. |"
)
ROW_END = "| 14 Mar 03:06 | Error rate back to 0.1%. **Customer impact ends.** |"
ROW_UPDATE = "| 14 Mar 03:10 | Second status page update, 41 minutes after the first. |"
ROW_SCALED = (
    "| 14 Mar 03:21 | invoice-worker scaled from 3 to 8 replicas to clear the invoice queue. |"
)
ROW_EMPTY = (
    "| 14 Mar 04:20 | The invoice email queue is empty; invoice-worker goes back to 3 replicas. |"
)
ROW_REJOIN = (
    "| 14 Mar 11:20 | db-prod-1, on a new 800 GB volume, rejoins the cluster as a replica. |"
)
CF_DISK = (
    "While the rollup job was writing almost 4 GB a minute, that left five minutes between the "
    "page (02:09) and a full volume (02:14)."
)
CF_FAILOVER = (
    "Section 3.2 of the runbook does not say to check the replica's archive key before promoting "
    "it, or to restart tally-api after repointing PgBouncer."
)
CF_POOL = (
    "Its connection pool keeps connections to the old primary's address open, and two pods held "
    "theirs until they were restarted."
)
CF_STATUS = (
    "The second status page update came 41 minutes after the first; the runbook asks for one at "
    "least every 30 minutes during a SEV-1."
)
WELL_PROMO = "The promotion took 48 seconds, well inside the runbook's 60 seconds."
WELL_STATUS = (
    "The first status page notice went up at 02:29, 15 minutes after impact began, as the "
    "runbook asks."
)
BAD_OMAR = "Omar Haddad, who made the change, was not on call and was not reached until 04:05."
AI_1 = (
    "| 1 | Make PGArchiveFailing page the on-call engineer at any hour once archiving has failed "
    "for 15 minutes | Felix Amadi | P1 | 2026-03-20 |"
)
AI_2 = (
    "| 2 | Lower the paging threshold for database volumes from 95% to 80%, and page when a "
    "volume is predicted to fill within 4 hours | Dana Kowalczyk | P1 | 2026-03-27 |"
)
AI_3 = (
    "| 3 | Add the database hosts, and a check of `qfdb archive-status`, to the key rotation "
    "checklist | Omar Haddad | P1 | 2026-03-27 |"
)
AI_4 = (
    "| 4 | Add two steps to runbook section 3.2: install the current archive key on the replica "
    "before promoting it, and restart tally-api after repointing the pool | Tomás Reyes | P2 | "
    "2026-04-03 |"
)
AI_7 = (
    "| 7 | Move pg_wal to a volume of its own on both database hosts, so that WAL cannot fill the "
    "data volume | Tomás Reyes | P3 | 2026-05-01 |"
)
CORRECTION = (
    "At 03:15 the incident channel gave 1,240 as the number of accounts that hit errors. That "
    "figure came from the dashboard's count of accounts that were signed in during the incident, "
    "whether or not any of their requests failed. The API logs show that 917 accounts had at "
    "least one failed request."
)
# the runbook
RB_INTRO = (
    "It says who is on call, how to declare and escalate an incident, and what to do about the "
    "failures we see most often."
)
RB_VERSION = "Version 4.3, last reviewed 2 February 2026 by Tomás Reyes"
RB_WEEK = "A rotation lasts one week, from Monday 09:00 UTC to the following Monday 09:00 UTC."
RB_ONE_IN_FIVE = (
    "Nobody is primary more than one week in five, and nobody is primary and secondary in the "
    "same week."
)
RB_SWAP = (
    "Swaps must be agreed by both engineers and entered in Pagewire at least 48 hours before the "
    "swap starts."
)
RB_NIGHT = (
    "After a night with more than two pages between 00:00 and 07:00 UTC, the primary may start "
    "the next working day at 12:00."
)
RB_ACK = (
    "Acknowledge every page within 5 minutes, even if you cannot act on it yet. A page that has "
    "not been acknowledged after 10 minutes goes to the secondary; after 20 minutes it goes to "
    "the engineering manager."
)
RB_CTO = (
    "Page the chief technology officer for any SEV-1 whose customer impact lasts more than 60 "
    "minutes, for any loss of customer data, and before anyone contacts a customer directly about "
    "an incident."
)
RB_VOLUME = (
    "Each host has a 400 GB data volume that holds both the database and its write-ahead log "
    "(pg_wal)."
)
RB_WALPUSH = (
    "The WAL is archived to the bucket qf-wal-archive by walpush, which reads its key from "
    "/etc/walpush/credentials."
)
RB_DISK_ALERTS = (
    "Two alerts watch the data volumes: DiskUsageHigh at 85% used, which posts to #db-alerts-low "
    "and does not page, and DiskUsageCritical at 95%, which pages the primary."
)
RB_WARN = (
    "WARNING: never delete, move or compress files in pg_wal by hand, however full the volume is."
)
RB_WHEN = (
    "Fail over when the primary cannot be brought back within 15 minutes, or at once if its host "
    "or its volume is lost."
)
RB_CHECK_LAG = "Before you start, check how far behind the replica is: qfdb status pgc-prod"
RB_64MB = (
    "Do not promote a replica that is more than 64 MB behind the primary (the lag column) unless "
    "the database lead agrees: the transactions in the gap will be lost."
)
RB_PROMOTE = "Promote the replica: qfdb failover --to db-prod-2 --confirm"
RB_PROMO_TIME = (
    "Promotion normally takes less than 60 seconds. If it has not finished after 5 minutes, stop "
    "and page the database lead. Do not run the command a second time."
)
RB_ARCHIVE_ALERT = (
    "The alert PGArchiveFailing fires when archiving has failed for 15 minutes. It is a "
    "ticket-severity alert: it posts to #db-alerts-low and is handled on the next working day."
)
RB_REBUILD = "A rebuild copies the whole database and takes about 90 minutes."
RB_RESTART_TIME = "A rolling restart of the six pods takes about 4 minutes."
RB_RELAY = (
    "Do not go above 8. The mail relay accepts at most 40 messages a second from us and blocks "
    "us for an hour if we send more."
)
RB_FENNICK = (
    "To reach Fennick Pay, open a case in their support portal with our merchant ID, QF-20417, "
    "and page Kwame Asante."
)
RB_NO_RETRY = (
    "A payer whose card payment fails sees a page asking them to try again; paygate does not "
    "retry card payments."
)
RB_STATUS_PAGE = "The status page is at status.tallybook.example."
# the chat log
CH_OPEN = (
    "[2026-03-14 02:17] dana.k: opening this for db-prod-1. data volume hit 100% at 02:14 and "
    "postgres is down. declaring SEV-2 for now"
)
CH_RM = "[2026-03-14 02:23] dana.k: can I just rm the oldest WAL files to get some room back?"
CH_NO = (
    "[2026-03-14 02:23] felix.a: NO. runbook 3.1, never delete anything in pg_wal by hand. it can "
    "leave the cluster unable to start"
)
CH_FOUND = (
    "[2026-03-14 02:26] felix.a: found it. archiver has been failing since yesterday afternoon: "
    "walpush: upload to qf-wal-archive failed: 403 AccessDenied"
)
CH_IC = (
    "[2026-03-14 02:28] joss.m: joining as IC. this is customer-facing and total, raising to SEV-1"
)
CH_OPTIONS = (
    "[2026-03-14 02:31] joss.m: options as I see them: a) grow the volume b) fix the key and let "
    "the archiver catch up c) fail over to db-prod-2"
)
CH_HOURS = (
    "[2026-03-14 02:31] tomas.r: b) won't be quick. the archiver has to push ~235G before "
    "anything can be recycled, that's hours"
)
CH_GROW = (
    "[2026-03-14 02:32] felix.a: a) last time the volume grow took 25 min plus a postgres restart"
)
CH_LAG0 = (
    "[2026-03-14 02:32] dana.k: db-prod-2 is at 61% disk, lag 0 bytes. it has everything up to "
    "the stop"
)
CH_FAIL_OVER = (
    "[2026-03-14 02:33] tomas.r: then fail over. the primary won't be back inside 15 min, that's "
    "runbook 3.2"
)
CH_STREAMING = (
    "[2026-03-14 02:39] felix.a: qfdb status pgc-prod: db-prod-1 down, db-prod-2 streaming, lag 0. "
    "going ahead"
)
CH_PLUS1 = "[2026-03-14 02:33] dana.k: +1"
CH_DECISION = (
    "[2026-03-14 02:33] joss.m: decision: fail over to db-prod-2. felix runs the commands, dana "
    "watches the api"
)
CH_FIRST = (
    "[2026-03-14 02:34] felix.a: putting the new key on db-prod-2 first. not in the runbook btw"
)
CH_POOL = (
    "[2026-03-14 02:51] dana.k: those 2 still have connections open to db-prod-1's address. their "
    "pool never reconnected"
)
CH_JUST_TWO = "[2026-03-14 02:52] joss.m: can we restart just those two?"
CH_WHOLE = (
    "[2026-03-14 02:53] tomas.r: restart the whole deployment, rolling. runbook 4.1. safer than "
    "picking pods"
)
CH_RESTART = (
    "[2026-03-14 02:58] dana.k: kubectl -n tally rollout restart deployment/tally-api running"
)
CH_READY = "[2026-03-14 03:02] dana.k: rollout finished, 6/6 pods ready"
CH_41 = (
    "[2026-03-14 03:11] joss.m: ines, that was 41 min without an update. runbook says every 30 "
    "for a SEV-1. not pointing fingers, just noting it for the postmortem"
)
CH_1240 = (
    "[2026-03-14 03:15] ines.p: number for the postmortem: the dashboard says 1,240 accounts hit "
    "errors during the incident"
)
CH_MAX8 = "[2026-03-14 03:20] tomas.r: max 8, the mail relay caps us at 40 msgs/s. runbook 4.2"
CH_1306 = (
    "[2026-03-14 03:52] ines.p: from the Fennick Pay dashboard: 1,306 card payments failed "
    "between 02:14 and 02:44"
)
CH_RETRY_A = "[2026-03-14 03:54] ines.p: no. payers get a page asking them to try again, that's all"
CH_OMAR = (
    "[2026-03-14 04:05] omar.h: morning, just saw this. CHG-3381 was my change. the rotation "
    "checklist only covers the app secrets in the vault, not the db hosts."
)
CH_NOTHING_ELSE = "[2026-03-14 04:07] omar.h: nothing else uses that key, I checked"
CH_OWN = (
    "[2026-03-14 04:08] joss.m: thanks omar. the checklist is the gap, not you. can you own "
    "fixing the checklist?"
)
CH_YES = "[2026-03-14 04:08] omar.h: yes, will do"
CH_4212 = "[2026-03-14 04:20] dana.k: invoice queue at 0, all 4,212 sent. worker back to 3 replicas"
CH_FENCED = (
    "[2026-03-14 04:22] tomas.r: db-prod-1 stays fenced. I'll grow its volume to 800G and rebuild "
    "it as a replica in the morning"
)
CH_CLOSING = (
    "[2026-03-14 04:35] joss.m: closing INC-2026-031 as resolved. I'll write the postmortem, "
    "draft by wednesday."
)
CH_NO_FAILBACK = (
    "[2026-03-14 11:24] tomas.r: db-prod-1 is on an 800G volume and has been streaming from "
    "db-prod-2 since 11:20. we stay on db-prod-2 as primary, no failback planned"
)
CH_HEADER = "Channel: #inc-2026-03-14-db"

NEW = [
    # --- single facts: numbers, times, durations, names, commands, thresholds -----------------
    Q("op-sf-01", "single_fact", "How much downtime did Tallybook customers have?",
      "52 minutes of customer impact, from 02:14 to 03:06 UTC on 14 March 2026.",
      [["52 minutes"]], [x(PM, META_IMPACT)], ["downtime"]),
    Q("op-sf-02", "single_fact", "At what time did the customer impact begin?",
      "At 02:14 UTC on 14 March 2026, when db-prod-1's volume was full and PostgreSQL stopped.",
      [["02:14"]], [x(PM, ROW_FULL)]),
    Q("op-sf-03", "single_fact", "How many of the affected accounts are on paid plans?",
      "648 of the 917 affected accounts.",
      [["648"]], [x(PM, CUSTOMERS)]),
    Q("op-sf-04", "single_fact", "How much compensation did customers get for the incident?",
      "Each of the 648 affected accounts on a paid plan was credited £10, £6,480 in total, on its April invoice.",
      [["£10"], ["£6,480"]], [x(PM, CREDITS)], ["compensation"]),
    Q("op-sf-05", "single_fact", "How many card payments bounced during the incident?",
      "1,306 card payments failed, between 02:14 and 02:44.",
      [["1,306"]], [x(PM, PAYMENTS), x(CL, CH_1306)], ["bounced"]),
    Q("op-sf-06", "single_fact", "How many invoice emails were held up?",
      "4,212 invoice emails waited in the queue and went out late; the last was sent at 04:20.",
      [["4,212"]], [x(PM, EMAILS), x(CL, CH_4212)], ["held up"]),
    Q("op-sf-07", "single_fact", "What was the error rate at its worst?",
      "97% of API requests failed between 02:14 and 02:44.",
      [["97%"]], [x(PM, FIRST_30)], ["worst"]),
    Q("op-sf-08", "single_fact", "How big is the hard drive on each database host?",
      "Each host has a 400 GB data volume, holding both the database and pg_wal.",
      [["400 GB"]], [x(RB, RB_VOLUME)], ["hard drive"]),
    Q("op-sf-09", "single_fact", "How large had pg_wal grown by the time the volume was full?",
      "241 GB, up from about 6 GB.",
      [["241 GB"]], [x(PM, SUMMARY_GROWTH)]),
    Q("op-sf-10", "single_fact", "When was the password for the WAL archive bucket changed?",
      "The access key of qf-wal-archive was rotated at 16:40 on 13 March (change CHG-3381); the old key was revoked at 16:45.",
      [["16:40"]], [x(PM, ROW_ROTATE)], ["password"]),
    Q("op-sf-11", "single_fact", "Which change broke the WAL archiving?",
      "Change CHG-3381, the rotation of the qf-wal-archive access key: the database hosts kept the old key.",
      [["CHG-3381"]], [x(PM, SUMMARY_CAUSE)], ["broke"]),
    Q("op-sf-12", "single_fact", "When did the alarm about the failing archive first go off?",
      "PGArchiveFailing fired at 17:07 UTC on 13 March, but it only went to #db-alerts-low, where nobody saw it.",
      [["17:07"]], [x(PM, ROW_ALERT)], ["alarm", "go off"]),
    Q("op-sf-13", "single_fact", "At what disk usage does a database volume page the on-call engineer?",
      "At 95% (DiskUsageCritical); the 85% warning does not page.",
      [["95%"]], [x(RB, RB_DISK_ALERTS)]),
    Q("op-sf-14", "single_fact", "How long was there between the disk page and the volume being full?",
      "Five minutes: the page came at 02:09 and the volume was full at 02:14.",
      [["five minutes"]], [x(PM, CF_DISK)]),
    Q("op-sf-15", "single_fact", "What do I type to make the standby the new primary?",
      "qfdb failover --to db-prod-2 --confirm",
      [["qfdb failover --to db-prod-2"]], [x(RB, RB_PROMOTE)], ["type", "standby"]),
    Q("op-sf-16", "single_fact", "How far behind can a replica be before you need the database lead's agreement to promote it?",
      "64 MB: a replica more than 64 MB behind is not promoted unless the database lead agrees.",
      [["64 MB"]], [x(RB, RB_64MB)]),
    Q("op-sf-17", "single_fact", "How fast do I have to answer a page?",
      "Acknowledge it within 5 minutes; after 10 minutes it goes to the secondary.",
      [["5 minutes"]], [x(RB, RB_ACK)], ["answer"]),
    Q("op-sf-18", "single_fact", "When does the on-call shift change over each week?",
      "On Monday at 09:00 UTC; a rotation runs from Monday 09:00 UTC to the following Monday 09:00 UTC.",
      [["Monday 09:00 UTC"]], [x(RB, RB_WEEK)], ["shift"]),
    Q("op-sf-19", "single_fact", "How often can an engineer be the primary on call?",
      "No more than one week in five.",
      [["one week in five"]], [x(RB, RB_ONE_IN_FIVE)]),
    Q("op-sf-20", "single_fact", "If I want to trade on-call weeks with a colleague, how much notice do I need to give?",
      "The swap must be agreed by both and entered in Pagewire at least 48 hours before it starts.",
      [["48 hours"]], [x(RB, RB_SWAP)], ["trade", "colleague"]),
    Q("op-sf-21", "single_fact", "After a rough night of pages, when can the primary start work the next day?",
      "At 12:00, after a night with more than two pages between 00:00 and 07:00 UTC.",
      [["12:00"]], [x(RB, RB_NIGHT)], ["rough night"]),
    Q("op-sf-22", "single_fact", "How many messages a second does the mail relay accept from Quillfern?",
      "At most 40; it blocks them for an hour if they send more.",
      [["40 messages"]], [x(RB, RB_RELAY)]),
    Q("op-sf-23", "single_fact", "What is Quillfern's merchant ID with Fennick Pay?",
      "QF-20417.",
      [["QF-20417"]], [x(RB, RB_FENNICK)]),
    Q("op-sf-24", "single_fact", "How long does it take to rebuild a replica?",
      "About 90 minutes; a rebuild copies the whole database.",
      [["90 minutes"]], [x(RB, RB_REBUILD)]),
    Q("op-sf-25", "single_fact", "What's the web address of the status page?",
      "status.tallybook.example",
      [["status.tallybook.example"]], [x(RB, RB_STATUS_PAGE)], ["web address"]),
    Q("op-sf-26", "single_fact", "How many complaints came in to support about the incident?",
      "131 support tickets were opened by 09:00 on Monday 16 March (46 by 02:47 on the night).",
      [["131"]], [x(PM, SUPPORT)], ["complaints"]),
    Q("op-sf-27", "single_fact", "What uptime did Tallybook reach in March 2026, against what the terms promise?",
      "March 2026 will end at 99.88% at best, against the 99.9% a month promised in the terms.",
      [["99.88%"], ["99.9%"]], [x(PM, AVAILABILITY)], ["uptime"]),
    Q("op-sf-28", "single_fact", "Which file does walpush read its key from?",
      "/etc/walpush/credentials.",
      [["/etc/walpush/credentials"]], [x(RB, RB_WALPUSH)]),
    Q("op-sf-29", "single_fact", "What kicked off the fast WAL growth just before the disk filled?",
      "The nightly ledger rollup job, which started at 01:50 and wrote WAL at almost 4 GB a minute.",
      [["ledger rollup"]], [x(PM, ROW_ROLLUP)], ["kicked off"]),
    # --- attribution: who said, did or decided what ---------------------------------------
    Q("op-at-01", "attribution", "Who figured out what was wrong with the archiver?",
      "Felix Amadi, the secondary on-call engineer, at 02:26: uploads failed with 403 AccessDenied.",
      [["Felix"]], [x(PM, ROW_FOUND)], ["figured out"]),
    Q("op-at-02", "attribution", "Who rotated the access key of the WAL archive bucket?",
      "Omar Haddad, under change CHG-3381.",
      [["Omar Haddad"]], [x(PM, ROW_ROTATE)]),
    Q("op-at-03", "attribution", "Who wanted to wipe the oldest WAL files to free up room?",
      "Dana (dana.k) asked whether she could rm the oldest WAL files; Felix said no.",
      [["dana"]], [x(CL, CH_RM)], ["wipe", "free up"]),
    Q("op-at-04", "attribution", "Who told Dana not to delete anything in pg_wal, and what did they cite?",
      "Felix (felix.a), citing runbook section 3.1.",
      [["felix"], ["3.1"]], [x(CL, CH_NO)]),
    Q("op-at-05", "attribution", "Who was in charge of the incident response?",
      "Joss Mbeki, the incident commander.",
      [["Joss Mbeki"]], [x(PM, META_IC), x(CL, CH_IC)], ["in charge"]),
    Q("op-at-06", "attribution", "Who listed growing the volume as one of the options?",
      "Joss (joss.m), in his list of three options at 02:31: grow the volume, fix the key, or fail over.",
      [["joss"]], [x(CL, CH_OPTIONS)]),
    Q("op-at-07", "attribution", "Who said that letting the archiver catch up would take hours?",
      "Tomás Reyes (tomas.r): the archiver had to push about 235G first.",
      [["tomas"]], [x(CL, CH_HOURS)]),
    Q("op-at-08", "attribution", "Who backed Tomás's call to fail over with a +1?",
      "Dana (dana.k).",
      [["dana"]], [x(CL, CH_FAIL_OVER), x(CL, CH_PLUS1)]),
    Q("op-at-09", "attribution", "Who spotted the two tally-api pods still connected to the old primary?",
      "Dana (dana.k), at 02:49 to 02:51.",
      [["dana"]], [x(CL, CH_POOL)], ["spotted"]),
    Q("op-at-10", "attribution", "Who advised restarting the whole tally-api deployment rather than just the two pods?",
      "Tomás Reyes (tomas.r), pointing to runbook section 4.1.",
      [["tomas"]], [x(CL, CH_JUST_TWO), x(CL, CH_WHOLE)]),
    Q("op-at-11", "attribution", "Who is responsible for lowering the disk paging threshold?",
      "Dana Kowalczyk (action item 2, P1, due 2026-03-27).",
      [["Dana Kowalczyk"]], [x(PM, AI_2)], ["responsible"]),
    Q("op-at-12", "attribution", "Who made the final call to fail over, and who ran the commands?",
      "Joss Mbeki, the incident commander, announced the decision at 02:33 after Tomás's advice; Felix Amadi ran the commands.",
      [["joss"], ["felix"]], [x(CL, CH_DECISION)]),
    Q("op-at-13", "attribution", "Who last reviewed the runbook?",
      "Tomás Reyes, on 2 February 2026 (version 4.3).",
      [["Tomás Reyes"]], [x(RB, RB_VERSION)]),
    # --- yes / no -------------------------------------------------------------------------
    Q("op-yn-01", "yes_no", "Did any customer data go missing in the incident?",
      "No: the last transaction committed on db-prod-1, at 02:13:58, is present on db-prod-2.",
      [["no data was lost"]], [x(PM, NO_DATA)], ["go missing"]),
    Q("op-yn-02", "yes_no", "Does the PGArchiveFailing alert page anyone?",
      "No, not under the current runbook: it is ticket severity, posts to #db-alerts-low and is handled on the next working day (action item 1 will make it page).",
      [["ticket-severity", "#db-alerts-low"]], [x(RB, RB_ARCHIVE_ALERT)]),
    Q("op-yn-03", "yes_no", "Did they switch back to db-prod-1 as the primary afterwards?",
      "No: db-prod-2 remains the primary and db-prod-1 is its replica; no failback is planned.",
      [["db-prod-2 remains the primary", "no failback planned"]],
      [x(PM, STILL_PRIMARY), x(CL, CH_NO_FAILBACK)], ["switch back", "afterwards"]),
    Q("op-yn-04", "yes_no", "Was db-prod-2 fully caught up when they failed over to it?",
      "Yes: its lag was 0 bytes; it had everything up to the moment db-prod-1 stopped.",
      [["lag 0"]], [x(CL, CH_LAG0), x(CL, CH_STREAMING)]),
    Q("op-yn-05", "yes_no", "Is it OK to clear out old files in pg_wal when the disk is full?",
      "No: never delete, move or compress files in pg_wal by hand, however full the volume is.",
      [["never delete"]], [x(RB, RB_WARN)], ["clear out"]),
    Q("op-yn-06", "yes_no", "Was the first status page notice posted in time?",
      "Yes: at 02:29, 15 minutes after impact began, as the runbook asks.",
      [["15 minutes after impact began"]], [x(PM, WELL_STATUS)]),
    Q("op-yn-07", "yes_no", "Does the failover procedure in the runbook tell you to reboot tally-api?",
      "No: section 3.2 does not say to restart tally-api after repointing PgBouncer, nor to check the replica's archive key.",
      [["does not say"]], [x(PM, CF_FAILOVER)], ["reboot"]),
    Q("op-yn-08", "yes_no", "Does the CTO have to be paged for every SEV-1?",
      "No: only when a SEV-1's customer impact lasts more than 60 minutes, for any loss of customer data, and before anyone contacts a customer directly.",
      [["more than 60 minutes"]], [x(RB, RB_CTO)], ["CTO"]),
    Q("op-yn-09", "yes_no", "Did anyone check whether anything besides the WAL archiver used the old key?",
      "Yes: Omar Haddad checked, at 04:07, that nothing else uses that key.",
      [["I checked"]], [x(CL, CH_NOTHING_ELSE)], ["besides"]),
    # --- headings ---------------------------------------------------------------------------
    Q("op-hd-01", "heading", "Which section of the runbook covers failing over the database?",
      "Section 3.2, Failing over the database.",
      [["3.2"]], [x(RB, "3.2 Failing over the database")]),
    Q("op-hd-02", "heading", "Which section of the runbook should I read if WAL archiving is failing?",
      "Section 3.4, WAL archiving failures.",
      [["3.4"]], [x(RB, "3.4 WAL archiving failures")]),
    Q("op-hd-03", "heading", "What is section 4.2 of the runbook called?",
      "Invoice queue backlog.",
      [["Invoice queue backlog"]], [x(RB, "4.2 Invoice queue backlog")]),
    Q("op-hd-04", "heading", "Under which heading of the postmortem is the to-do list?",
      "Action items.",
      [["Action items"]], [x(PM, "## Action items")], ["to-do"]),
    Q("op-hd-05", "heading", "Which part of the runbook lists who to page for each area, such as the database or payments?",
      "Section 2.3, Escalation contacts.",
      [["2.3"]], [x(RB, "2.3 Escalation contacts")]),
    Q("op-hd-06", "heading", "Which section of the postmortem explains the wrong count of affected accounts?",
      "Corrections.",
      [["Corrections"]], [x(PM, "## Corrections")]),
    Q("op-hd-07", "heading", "In which section of the runbook are the severity levels defined?",
      "Section 2.1, Severity levels.",
      [["2.1"]], [x(RB, "2.1 Severity levels")]),
    Q("op-hd-08", "heading", "Which runbook section has the rules for the on-call roster?",
      "Section 1.2, Rotation rules.",
      [["1.2"], ["Rotation rules"]], [x(RB, "1.2 Rotation rules")], ["roster"]),
    # --- comparison -----------------------------------------------------------------------
    Q("op-cmp-01", "comparison", "How does the disk paging threshold in the runbook compare with the one planned after the incident?",
      "The runbook pages at 95%; action item 2 lowers it to 80% and adds a page when a volume is predicted to fill within 4 hours.",
      [["95%"], ["80%"]], [x(RB, RB_DISK_ALERTS), x(PM, AI_2)]),
    Q("op-cmp-02", "comparison", "How will the handling of PGArchiveFailing change compared with the runbook?",
      "Now it is a ticket-severity alert handled on the next working day; action item 1 makes it page the on-call engineer at any hour once archiving has failed for 15 minutes.",
      [["next working day"], ["at any hour"]], [x(RB, RB_ARCHIVE_ALERT), x(PM, AI_1)]),
    Q("op-cmp-03", "comparison", "How did the error rate compare before and after they switched to the replica?",
      "97% of API requests failed from 02:14 to 02:44; after PgBouncer was repointed at 02:44 it fell to 18%, and it was back to 0.1% at 03:06 after the tally-api restart.",
      [["97%"], ["18%"]], [x(PM, ROW_REPOINT), x(PM, ROW_END)], ["switched"]),
    Q("op-cmp-04", "comparison", "How long did the status page go without an update, compared with what the runbook asks?",
      "41 minutes (02:29 to 03:10), where the runbook asks for an update at least every 30 minutes during a SEV-1.",
      [["41 minutes"], ["30 minutes"]], [x(PM, CF_STATUS), x(CL, CH_41)]),
    Q("op-cmp-05", "comparison", "Was the promotion faster or slower than the runbook expects?",
      "Faster: it took 48 seconds, where the runbook says promotion normally takes less than 60 seconds.",
      [["48 seconds"], ["60 seconds"]], [x(PM, WELL_PROMO), x(RB, RB_PROMO_TIME)]),
    Q("op-cmp-06", "comparison", "How many invoice-worker replicas ran normally, and how many during the catch-up?",
      "3 normally; it was scaled to 8 at 03:21 and went back to 3 at 04:20.",
      [["3 to 8"]], [x(PM, ROW_SCALED), x(PM, ROW_EMPTY)]),
    Q("op-cmp-07", "comparison", "How much bigger is db-prod-1's new volume than the old one?",
      "Twice the size: 800 GB instead of 400 GB.",
      [["800 GB"], ["400 GB"]], [x(PM, ROW_REJOIN), x(PM, SUMMARY_GROWTH)]),
    Q("op-cmp-08", "comparison", "How does the chat's count of accounts that hit errors compare with the postmortem's?",
      "The chat gave 1,240 (the dashboard's count of accounts signed in during the incident); the postmortem gives 917 with at least one failed request, and corrects the chat.",
      [["1,240"], ["917"]], [x(CL, CH_1240), x(PM, CORRECTION)]),
    # --- disagreement: the chat's figure and the postmortem's, the runbook and the night ---
    Q("op-dg-01", "disagreement", "Why does the postmortem's count of affected accounts differ from the one in the chat?",
      "The chat's 1,240 came from the dashboard's count of accounts signed in during the incident, whether or not their requests failed; the API logs show 917 with at least one failed request.",
      [["signed in"], ["917"]], [x(CL, CH_1240), x(PM, CORRECTION)]),
    Q("op-dg-02", "disagreement", "Did the team fail over exactly as the runbook says?",
      "No: Felix put the new archive key on db-prod-2 before promoting it, a step not in the runbook, and tally-api had to be restarted afterwards, which section 3.2 does not mention either.",
      [["not in the runbook", "does not say"]], [x(CL, CH_FIRST), x(PM, CF_FAILOVER)]),
    Q("op-dg-03", "disagreement", "The runbook says PGArchiveFailing can wait until the next working day. Does the postmortem agree?",
      "No: it names the alert not paging as a contributing factor (it fired nine hours before the volume filled) and action item 1 makes it page at any hour after 15 minutes.",
      [["did not page"], ["at any hour"]],
      [x(RB, RB_ARCHIVE_ALERT), x(PM, "**The archive alert did not page.**"), x(PM, AI_1)]),
    # --- multi-document ---------------------------------------------------------------------
    Q("op-md-01", "multi_doc", "Which runbook section did Felix quote when he stopped Dana deleting WAL files, and what does it say?",
      "Section 3.1: never delete, move or compress files in pg_wal by hand, however full the volume is.",
      [["3.1"], ["never delete"]], [x(CL, CH_NO), x(RB, RB_WARN)]),
    Q("op-md-02", "multi_doc", "What rule did Tomás rely on when he said to fail over?",
      "Runbook 3.2: fail over when the primary cannot be brought back within 15 minutes.",
      [["15 minutes", "15 min"]], [x(CL, CH_FAIL_OVER), x(RB, RB_WHEN)]),
    Q("op-md-03", "multi_doc", "Why wasn't invoice-worker scaled beyond 8 replicas to clear the queue?",
      "The mail relay accepts at most 40 messages a second and blocks them for an hour if they send more (runbook 4.2), as Tomás reminded the channel.",
      [["40"]], [x(CL, CH_MAX8), x(RB, RB_RELAY)]),
    Q("op-md-04", "multi_doc", "Who took on fixing the key rotation checklist, and by when is it due?",
      "Omar Haddad agreed in the chat; action item 3 is his, P1, due 2026-03-27.",
      [["Omar"], ["2026-03-27"]], [x(CL, CH_OWN), x(CL, CH_YES), x(PM, AI_3)]),
    Q("op-md-05", "multi_doc", "What did payers whose card payments failed see, and did anyone retry for them?",
      "A page asking them to try again; paygate does not retry card payments, so nobody retried for them.",
      [["try again"]], [x(CL, CH_RETRY_A), x(RB, RB_NO_RETRY)]),
    Q("op-md-06", "multi_doc", "What became of the old main database after the failover?",
      "It was fenced at 02:46, moved to an 800 GB volume and rebuilt as a replica of db-prod-2, streaming since 11:20 on 14 March.",
      [["fenced"], ["800"]], [x(CL, CH_FENCED), x(PM, ROW_REJOIN)], ["main database"]),
    Q("op-md-07", "multi_doc", "Why did two tally-api pods keep failing after PgBouncer was repointed?",
      "They still held connections open to db-prod-1's address: tally-api's connection pool does not reconnect after a failover.",
      [["pool never reconnected", "does not reconnect"]],
      [x(CL, CH_POOL), x(PM, "**tally-api does not reconnect after a failover.**"), x(PM, CF_POOL)]),
    Q("op-md-08", "multi_doc", "How long did the tally-api restart take on the night, against the runbook's estimate?",
      "About 4 minutes: started at 02:58, 6/6 pods ready at 03:02; the runbook says about 4 minutes for the six pods.",
      [["03:02"], ["4 minutes"]], [x(CL, CH_RESTART), x(CL, CH_READY), x(RB, RB_RESTART_TIME)]),
    # --- overview ---------------------------------------------------------------------------
    Q("op-ov-01", "overview", "What is this postmortem about?",
      "INC-2026-031: on 14 March 2026 Tallybook was unavailable for 52 minutes after the data volume of db-prod-1, the primary PostgreSQL host, filled up because WAL archiving had failed since a key rotation (CHG-3381); service came back after a failover to db-prod-2 and a tally-api restart.",
      [["filled up", "db-prod-1"], ["CHG-3381", "old key"]],
      [x(PM, SUMMARY_1), x(PM, SUMMARY_CAUSE), x(PM, SUMMARY_FIX)]),
    Q("op-ov-02", "overview", "Summarise the runbook.",
      "The Tallybook on-call runbook (version 4.3): who is on call and the rotation rules, severity levels and escalation, database procedures (disk space, failover, replica lag, WAL archiving, rebuilding, growing volumes), application services, and communication and postmortems.",
      [["who is on call"], ["escalate"]], [x(RB, RB_INTRO)]),
    Q("op-ov-03", "overview", "What are these three documents?",
      "The postmortem of incident INC-2026-031, Quillfern's Tallybook on-call runbook (version 4.3), and an export of the incident's chat channel #inc-2026-03-14-db.",
      [["Postmortem"], ["runbook"], ["Chat export", "#inc-2026-03-14-db"]],
      [x(PM, "# Postmortem: Tallybook unavailable after a database volume filled up"),
       x(RB, "TALLYBOOK ON-CALL RUNBOOK"), x(CL, "Quillfern Chat export"), x(CL, CH_HEADER)]),
    Q("op-ov-04", "overview", "Give me the gist of what happened in the incident channel.",
      "db-prod-1's volume was full and Postgres down; Felix found the archiver failing with the old key from CHG-3381; they decided to fail over to db-prod-2 after putting the new key on it; two tally-api pods needed a rolling restart; the invoice queue was drained and the incident closed at 04:35.",
      [["fail over to db-prod-2"], ["403 AccessDenied"]],
      [x(CL, CH_OPEN), x(CL, CH_FOUND), x(CL, CH_DECISION), x(CL, CH_CLOSING)], ["gist"]),
    Q("op-ov-05", "overview", "What are the main lessons of the incident, according to the postmortem?",
      "The archive alert did not page; the disk alert paged too late; the failover procedure was incomplete; tally-api does not reconnect after a failover; status updates lapsed.",
      [["did not page"], ["paged too late"]],
      [x(PM, "**The archive alert did not page.**"), x(PM, "**The disk alert paged too late.**"),
       x(PM, "**The failover procedure was incomplete.**")], ["lessons"]),
    Q("op-ov-06", "overview", "What is Tallybook?",
      "Quillfern's invoicing and card payment service for small businesses.",
      [["invoicing and card payment service"]], [x(PM, WHAT_TALLYBOOK)]),
    # --- follow-ups -------------------------------------------------------------------------
    Q("op-fu-01", "follow_up", "And who fixed it on the replica?",
      "Felix Amadi installed the new archive key on db-prod-2 at 02:36, before promoting it.",
      [["Felix"]], [x(PM, ROW_KEY)],
      history=hist("Why couldn't walpush upload WAL files?",
                   "Its key in /etc/walpush/credentials was the old one, revoked at 16:45 on 13 March after change CHG-3381.")),
    Q("op-fu-02", "follow_up", "When did he first hear about the incident?",
      "At 04:05: Omar was not on call and was not reached until then.",
      [["04:05"]], [x(PM, BAD_OMAR), x(CL, CH_OMAR)],
      history=hist("Who rotated the bucket key?", "Omar Haddad, under change CHG-3381, at 16:40 on 13 March.")),
    Q("op-fu-03", "follow_up", "What do you run before starting it?",
      "qfdb status pgc-prod, to check how far behind the replica is.",
      [["qfdb status pgc-prod"]], [x(RB, RB_CHECK_LAG)],
      history=hist("Which section of the runbook covers failing over?", "Section 3.2, Failing over the database.")),
    Q("op-fu-04", "follow_up", "Which actions from the postmortem does he own?",
      "Action 4 (add two steps to runbook section 3.2, P2, due 2026-04-03) and action 7 (move pg_wal to its own volume, P3, due 2026-05-01).",
      [["section 3.2"], ["Move pg_wal"]], [x(PM, AI_4), x(PM, AI_7)],
      history=hist("Who is the database lead?", "Tomás Reyes.")),
    Q("op-fu-05", "follow_up", "How many of them still hadn't gone through by 18 March?",
      "265 (1,041 had gone through on a later attempt).",
      [["265"]], [x(PM, PAYMENTS)],
      history=hist("How many card payments failed?", "1,306, between 02:14 and 02:44.")),
    Q("op-fu-06", "follow_up", "How long did she take to acknowledge it?",
      "Two minutes: the page came at 02:09 and Dana acknowledged it at 02:11.",
      [["02:11"]], [x(PM, ROW_ACK)],
      history=hist("Which alert paged Dana?", "DiskUsageCritical, at 95%, at 02:09.")),
    Q("op-fu-07", "follow_up", "When did she next update it?",
      "At 03:10 (\"Tallybook is working again. Some invoice emails are delayed.\"), 41 minutes after the first notice.",
      [["03:10"]], [x(PM, ROW_UPDATE)],
      history=hist("What did Inês post on the status page first?",
                   "\"Tallybook is unavailable. We are investigating.\", at 02:29.")),
    Q("op-fu-08", "follow_up", "How do I get hold of them?",
      "Open a case in Fennick Pay's support portal with the merchant ID QF-20417, and page Kwame Asante.",
      [["support portal"], ["QF-20417"]], [x(RB, RB_FENNICK)], ["get hold of"],
      hist("Who handles Tallybook's card payments?", "paygate, through the payment provider Fennick Pay.")),
    Q("op-fu-09", "follow_up", "Which team is she in?",
      "Not given: Lena Vogt appears only as the owner of action item 5; her team and role are not stated.",
      history=hist("Who owns the action on tally-api's connection pool?", "Lena Vogt, due 2026-04-17.")),
    # --- false premises ---------------------------------------------------------------------
    Q("op-fp-01", "false_premise", "Why did the team choose to grow the volume instead of failing over?",
      "They did not: they failed over to db-prod-2. Growing the volume had taken 25 minutes plus a Postgres restart last time.",
      [["fail over to db-prod-2"]], [x(CL, CH_DECISION), x(CL, CH_GROW)]),
    Q("op-fp-02", "false_premise", "How much customer data was lost when db-prod-1 stopped?",
      "None: no data was lost; the last transaction committed on db-prod-1, at 02:13:58, is on db-prod-2.",
      [["no data was lost"]], [x(PM, NO_DATA)]),
    Q("op-fp-03", "false_premise", "Why didn't paygate's automatic retries recover the failed payments?",
      "paygate has no automatic retries: it does not retry card payments; payers see a page asking them to try again.",
      [["paygate does not"]], [x(RB, RB_NO_RETRY)]),
    Q("op-fp-04", "false_premise", "Why did the CTO take over as incident commander?",
      "The CTO did not: Joss Mbeki, the engineering manager, was the incident commander.",
      [["Joss Mbeki"]], [x(PM, META_IC)], ["CTO"]),
    Q("op-fp-05", "false_premise", "Why was the incident declared a SEV-1 straight away?",
      "It was not: Dana declared it a SEV-2 at 02:17; Joss raised it to SEV-1 at 02:28.",
      [["SEV-2"]], [x(PM, META_SEV)]),
    # --- paraphrases of single facts --------------------------------------------------------
    Q("op-pa-01", "paraphrase", "What time did the trouble start for customers?",
      "At 02:14 UTC on 14 March 2026, when db-prod-1's volume was full.",
      [["02:14"]], [x(PM, ROW_FULL)], ["trouble"], paraphrase_of="op-sf-02"),
    Q("op-pa-02", "paraphrase", "How much did Quillfern pay out in credits altogether?",
      "£6,480: £10 to each of 648 accounts on paid plans.",
      [["£6,480"]], [x(PM, CREDITS)], ["pay out", "altogether"], paraphrase_of="op-sf-04"),
    Q("op-pa-03", "paraphrase", "What's the maximum rate at which we can send mail through the relay?",
      "40 messages a second.",
      [["40 messages"]], [x(RB, RB_RELAY)], ["maximum"], paraphrase_of="op-sf-22"),
    Q("op-pa-04", "paraphrase", "Within how many minutes must a page be acknowledged?",
      "5 minutes.",
      [["5 minutes"]], [x(RB, RB_ACK)], paraphrase_of="op-sf-17"),
    # --- plausible but unanswerable ---------------------------------------------------------
    Q("op-un-01", "unanswerable", "How much revenue did Quillfern lose because of the incident?",
      "Not given: only the service credits (£6,480) and the failed card payments are reported.",
      terms=["revenue"]),
    Q("op-un-02", "unanswerable", "What is Dana Kowalczyk's job title?",
      "Not given: she is named only as the primary on-call engineer and owner of action item 2."),
    Q("op-un-03", "unanswerable", "How many customers does Tallybook have in total?",
      "Not given: only the 917 affected accounts (648 on paid plans) are counted."),
    Q("op-un-04", "unanswerable", "How do you restore the database from the WAL archive?",
      "Not given: the runbook has no restore procedure; it covers failover, rebuilding a replica and archiving failures."),
    Q("op-un-05", "unanswerable", "What was the error rate in the mobile app?",
      "Not given: no mobile app is mentioned; only API request error rates are reported.",
      terms=["mobile app"]),
    Q("op-un-06", "unanswerable", "Which cloud provider hosts the qf-wal-archive bucket?",
      "Not given: the bucket is named but not who hosts it.", terms=["cloud"]),
    Q("op-un-07", "unanswerable", "Who approved change CHG-3381?",
      "Not given: Omar Haddad made the change; no approver is named."),
    Q("op-un-08", "unanswerable", "What was Tallybook's availability in February 2026?",
      "Not given: only March 2026 (99.88% at best) is reported."),
    Q("op-un-09", "unanswerable", "What replica lag threshold applies to db-prod-3?",
      "Not given: pgc-prod has only two hosts, db-prod-1 and db-prod-2."),
    Q("op-un-10", "unanswerable", "How do I fail over the Redis cache?",
      "Not given: no Redis cache is mentioned; the runbook only covers failing over the PostgreSQL cluster."),
    Q("op-un-11", "unanswerable", "How much overtime did the on-call engineers get paid for that night?",
      "Not given: the runbook only allows a late start (12:00) after a night with more than two pages.",
      terms=["overtime"]),
    Q("op-un-12", "unanswerable", "When is the next quarterly key rotation?",
      "Not given: the rotation is called quarterly, but no date for the next one is stated."),
    Q("op-un-13", "unanswerable", "Which city is Quillfern based in?",
      "Not given.", terms=["city", "based"]),
    Q("op-un-14", "unanswerable", "What did the CTO say about the incident?",
      "Not given: Hannah Oyelaran appears only in the runbook's contact list; she is not in the chat or the postmortem.",
      terms=["CTO"]),
    Q("op-un-15", "unanswerable", "What is the command to restart paygate?",
      "Not given: the runbook gives restart commands only for tally-api."),
    Q("op-un-16", "unanswerable", "How many of the support tickets had been answered by Monday?",
      "Not given: only that 131 tickets were opened by 09:00 on Monday 16 March.", terms=["answered"]),
    Q("op-un-17", "unanswerable", "How much did the new 800 GB volume cost?",
      "Not given.", terms=["cost"]),
    Q("op-un-18", "unanswerable", "When was the failover procedure last rehearsed in a drill?",
      "Not given: the runbook's last review date (2 February 2026) is given, not any exercise.",
      terms=["rehearsed", "drill"]),
    Q("op-un-19", "unanswerable", "How many times had walpush failed to upload a WAL file before Felix found the problem?",
      "Not given: only that archiving had failed since 16:52 on 13 March."),
    Q("op-un-20", "unanswerable", "Who was the secondary on-call engineer the week before the incident?",
      "Not given: only this week's primary (Dana Kowalczyk) and secondary (Felix Amadi) are named."),
    Q("op-un-21", "unanswerable", "How quickly did Fennick Pay's support answer during the incident?",
      "Not given: nobody contacted Fennick Pay's support; Inês only read their dashboard.",
      terms=["answer"]),
    Q("op-un-22", "unanswerable", "How large will the separate pg_wal volume be?",
      "Not given: action item 7 moves pg_wal to a volume of its own without saying how big."),
    Q("op-un-23", "unanswerable", "Which version of PgBouncer runs on pool-1?",
      "Not given: only PostgreSQL's version (16) is stated."),
    Q("op-un-24", "unanswerable", "What is the database lead's phone number?",
      "Not given: contact details are kept in Pagewire, not in the runbook.", terms=["phone number"]),
    Q("op-un-25", "unanswerable", "How many invoices were sent in the Friday evening invoice runs?",
      "Not given: only the WAL growth during the runs (about 25 GB an hour) is reported."),
    Q("op-un-26", "unanswerable", "What share of the failed card payments came from customers on the free plan?",
      "Not given: the failed payments are not broken down by plan, and no free plan is mentioned.",
      terms=["free plan"]),
    Q("op-un-27", "unanswerable", "How many engineers are on the on-call rota?",
      "Not given: nobody is primary more than one week in five, but the size of the rota is not stated."),
]  # fmt: skip

EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms}


def write_documents() -> None:
    folder = DATA / "ops" / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")


def build(write: bool = True) -> list[dict]:
    if write:
        write_documents()
    docs = corpus_docs("ops")
    if docs != DOCUMENTS:
        raise SystemExit("evals/data/ops/docs differs from this script: run it to rewrite them")
    return finish("ops", [q.to_item(docs) for q in NEW], EVERYDAY_TERMS, write)


if __name__ == "__main__":
    build()
