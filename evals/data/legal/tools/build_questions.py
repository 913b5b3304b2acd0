"""Build evals/data/legal/questions.jsonl from the question specs below.

Why a script: evidence offsets must be exact (text[start:end] == quote) and the documents are
hard-wrapped, so a quote is written here with single spaces and located in the document with a
whitespace-tolerant pattern; the stored quote is the document's own slice, line breaks included.
The split alternates dev/test within each category, in the order written.

Run: python evals/data/legal/tools/build_questions.py   (then: python -m evals.dataset --check legal)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DOCS = HERE / "docs"
OUT = HERE / "questions.jsonl"

A = "services-agreement.txt"
P = "privacy-policy.txt"
H = "employee-handbook-leave.txt"


def q(category, question, ref, kf=(), ev=(), everyday=(), hist=(), answerable=True, para=None):
    """One question spec. `everyday` lists the everyday words the documents must not contain."""
    return {
        "category": category,
        "question": question,
        "reference_answer": ref,
        "key_facts": [list(f) for f in kf],
        "evidence": list(ev),
        "everyday_terms": list(everyday),
        "history": list(hist),
        "answerable": answerable,
        "paraphrase_of": para,
    }


def turns(user: str, assistant: str) -> list[dict]:
    return [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]


SF, PA, AT, MD = "single_fact", "paraphrase", "attribution", "multi_doc"
CP, YN, HD, OV = "comparison", "yes_no", "heading", "overview"
FP, FU, UN = "false_premise", "follow_up", "unanswerable"

# Each spec gets an id leg-NNN in this order; paraphrase items refer to those ids.
SPECS = [
    # ---------------------------------------------------------------- single_fact (001-020)
    q(
        SF,
        "How long does Ashgrove have to pay a bill from Tarnwell?",
        "45 days from the date it receives an undisputed invoice.",
        [["45", "forty-five"]],
        [
            (
                A,
                "The Customer shall pay each undisputed invoice within forty-five (45) days of the "
                "date of receipt of the invoice.",
            )
        ],
        everyday=["bill"],
    ),
    q(
        SF,
        "What does it cost the customer to pay a bill late?",
        "Interest of 1.5% per month on the overdue undisputed amount (or the legal maximum if "
        "that is lower), from the due date until payment.",
        [["1.5%", "one and one-half percent"]],
        [
            (
                A,
                "The Supplier may charge interest on any undisputed amount that is not paid when due "
                "at the rate of one and one-half percent (1.5%) per month, or the maximum rate "
                "permitted by law if lower, from the due date until payment is received.",
            )
        ],
        everyday=["bill"],
    ),
    q(
        SF,
        "What percentage of the time does the supplier promise ClaimsVault will be up and running?",
        "At least 99.9% (Monthly Uptime Percentage) in each calendar month.",
        [["99.9%"]],
        [
            (
                A,
                "The Supplier shall make the ClaimsVault platform available with a Monthly Uptime "
                "Percentage of at least 99.9% in each calendar month.",
            )
        ],
        everyday=["up and running"],
    ),
    q(
        SF,
        "If the whole platform is down, how fast does the supplier have to get back to us?",
        "It is a Priority 1 Incident: a response within 30 minutes, and a workaround or fix within "
        "4 hours.",
        [["30 minutes"]],
        [
            (
                A,
                "(a) Priority 1 (the platform is unavailable or Customer Data is at risk): response "
                "within 30 minutes and a workaround or fix within 4 hours;",
            )
        ],
        everyday=["is down", "get back to"],
    ),
    q(
        SF,
        "What is the annual subscription fee for ClaimsVault?",
        "USD 184,000 a year, invoiced annually in advance.",
        [["184,000"]],
        [
            (
                A,
                "The Customer shall pay an annual subscription fee of USD 184,000 for the ClaimsVault "
                "platform, invoiced annually in advance on the Effective Date and on each anniversary "
                "of it.",
            )
        ],
    ),
    q(
        SF,
        "What is the day rate for professional services under a SOW?",
        "USD 1,450 per consultant day, unless the SOW states a fixed price.",
        [["1,450"]],
        [
            (
                A,
                "Professional services under a SOW are charged at USD 1,450 per consultant day, unless "
                "the SOW states a fixed price, and are invoiced monthly in arrears.",
            )
        ],
    ),
    q(
        SF,
        "How long is the first stretch of the contract?",
        "The Initial Term is 36 months from the Effective Date (the Customer may terminate for "
        "convenience only after the first 12 months, for a fee).",
        [["36", "thirty-six"]],
        [
            (
                A,
                "This Agreement begins on the Effective Date and continues for an initial term of "
                'thirty-six (36) months (the "Initial Term").',
            )
        ],
        everyday=["first stretch"],
    ),
    q(
        SF,
        "How long does Tarnwell keep server logs?",
        "90 days, or longer where a log is needed to investigate a security incident.",
        [["90 days"]],
        [
            (
                P,
                "(c) server and security logs are kept for 90 days, or longer where a log is needed to "
                "investigate a security incident;",
            )
        ],
    ),
    q(
        SF,
        "I applied for a job at Tarnwell and didn't get it. How long will they hang on to my "
        "application?",
        "12 months after the recruitment decision, or a further 12 months if you agree to be "
        "considered for future vacancies.",
        [["12 months"]],
        [
            (
                P,
                "(f) job applications are kept for 12 months after the recruitment decision if you are "
                "not hired, unless you agree that we may keep your details for future vacancies for a "
                "further 12 months;",
            )
        ],
        everyday=["hang on to"],
    ),
    q(
        SF,
        "How many vacation days do I get a year?",
        "22 days of paid annual leave a year (full-time), plus 10 paid public holidays.",
        [["22 days"]],
        [
            (
                H,
                "Full-time employees accrue 22 days of paid annual leave per calendar year, in "
                "addition to the company's 10 paid public holidays.",
            )
        ],
        everyday=["vacation"],
    ),
    q(
        SF,
        "How much can I spend on food per day when I travel for work?",
        "The actual cost of meals up to USD 75 per day, with receipts.",
        [["75"]],
        [
            (
                H,
                "While travelling on business, employees may claim the actual cost of meals up to USD "
                "75 per day, with receipts.",
            )
        ],
        everyday=["food"],
    ),
    q(
        SF,
        "How much time off do I get when I have a baby?",
        "16 weeks of paid parental leave at full base pay, for employees with at least 12 months "
        "of service.",
        [["16 weeks"]],
        [
            (
                H,
                "Employees with at least 12 months of service are entitled to 16 weeks of paid "
                "parental leave, at full base pay, on the birth or adoption of a child.",
            )
        ],
        everyday=["baby", "time off"],
    ),
    q(
        SF,
        "What's the most I can pay for a room per night in San Francisco?",
        "USD 250 per night, excluding taxes.",
        [["250"]],
        [
            (
                H,
                "Hotel costs must not exceed USD 250 per night in New York, Boston, San Francisco and "
                "London, and USD 180 per night elsewhere, excluding taxes.",
            )
        ],
        everyday=["room"],
    ),
    q(
        SF,
        "What is the general cap on each party's liability under the agreement?",
        "The total Fees paid and payable in the 12 months before the event giving rise to the "
        "claim (per contract year), subject to the exceptions in Sec. 11.1 and 11.4.",
        [["fees paid"], ["twelve", "12"]],
        [
            (
                A,
                "Subject to Sec. 11.1 and Sec. 11.4, each Party's total aggregate liability arising "
                "out of or in connection with this Agreement in any contract year shall not exceed the "
                "total Fees paid and payable in the twelve (12) months before the event giving rise to "
                "the claim.",
            )
        ],
    ),
    q(
        SF,
        "What happens to my leftover vacation at the end of the year?",
        "Up to five unused days can be carried over and must be used by 31 March; the rest is "
        "forfeited unless state law requires otherwise.",
        [["five days"], ["31 March"]],
        [
            (
                H,
                "Up to five days of unused annual leave may be carried over into the next calendar "
                "year, and must be used by 31 March. Any other unused leave is forfeited, unless state "
                "law requires otherwise.",
            )
        ],
        everyday=["leftover", "vacation"],
    ),
    q(
        SF,
        "If someone in my family dies, how many days off do I get?",
        "Up to five days of paid bereavement leave for an immediate family member, and up to two "
        "days for another relative.",
        [["five days"], ["two days"]],
        [
            (
                H,
                "Employees may take up to five days of paid bereavement leave on the death of an "
                "immediate family member, and up to two days on the death of another relative.",
            )
        ],
        everyday=["dies", "days off"],
    ),
    q(
        SF,
        "When do I get paid back for my expenses?",
        "Approved claims are reimbursed with the next monthly payroll run.",
        [["next monthly payroll"]],
        [(H, "Approved claims are reimbursed with the next monthly payroll run.")],
        everyday=["paid back"],
    ),
    q(
        SF,
        "How much does Ashgrove have to pay if it cancels the contract early?",
        "An early termination fee of 25% of the subscription fees that would have been payable for "
        "the rest of the Initial Term.",
        [["25%", "twenty-five percent"]],
        [
            (
                A,
                "On such termination the Customer shall pay an early termination fee equal to "
                "twenty-five percent (25%) of the subscription fees that would have been payable for "
                "the remainder of the Initial Term.",
            )
        ],
        everyday=["cancels"],
    ),
    q(
        SF,
        "After the agreement ends, for how long can Ashgrove still export its data?",
        "For 60 days after termination or expiry; the Supplier then deletes it within a further "
        "30 days.",
        [["sixty", "60"]],
        [
            (
                A,
                "For sixty (60) days after termination or expiry, the Customer may export Customer "
                "Data using the platform's export tools.",
            )
        ],
    ),
    q(
        SF,
        "What is the monthly limit on a company credit card?",
        "USD 5,000 per month.",
        [["5,000"]],
        [
            (
                H,
                "Each card has a monthly limit of USD 5,000 and must not be used for personal "
                "purchases.",
            )
        ],
    ),
    # ---------------------------------------------------------------- paraphrase (021-024)
    q(
        PA,
        "What are the payment terms for Tarnwell's invoices under the agreement?",
        "Undisputed invoices are payable within 45 days of receipt.",
        [["45", "forty-five"]],
        [
            (
                A,
                "The Customer shall pay each undisputed invoice within forty-five (45) days of the "
                "date of receipt of the invoice.",
            )
        ],
        para="leg-001",
    ),
    q(
        PA,
        "For how long are security logs retained under the privacy policy?",
        "90 days, or longer if needed to investigate a security incident.",
        [["90 days"]],
        [
            (
                P,
                "(c) server and security logs are kept for 90 days, or longer where a log is needed to "
                "investigate a security incident;",
            )
        ],
        para="leg-008",
    ),
    q(
        PA,
        "What response time applies to the most severe incidents?",
        "Priority 1: response within 30 minutes (workaround or fix within 4 hours).",
        [["30 minutes"]],
        [
            (
                A,
                "(a) Priority 1 (the platform is unavailable or Customer Data is at risk): response "
                "within 30 minutes and a workaround or fix within 4 hours;",
            )
        ],
        para="leg-004",
    ),
    q(
        PA,
        "What is the annual leave entitlement of a full-time employee?",
        "22 days of paid annual leave per calendar year, plus 10 paid public holidays.",
        [["22 days"]],
        [
            (
                H,
                "Full-time employees accrue 22 days of paid annual leave per calendar year, in "
                "addition to the company's 10 paid public holidays.",
            )
        ],
        para="leg-010",
    ),
    # ---------------------------------------------------------------- attribution (025-036)
    q(
        AT,
        "Who owns the claim data that Ashgrove stores in ClaimsVault?",
        "The Customer (Ashgrove) owns all Customer Data.",
        [["the Customer owns"]],
        [(A, "As between the Parties, the Customer owns all Customer Data.")],
    ),
    q(
        AT,
        "Which side can pull out of the contract without having to give a reason?",
        "Only the Customer, for convenience, after the first 12 months of the Initial Term and on "
        "90 days' notice (paying an early termination fee); the Supplier has no such right.",
        [["The Customer may terminate"]],
        [
            (
                A,
                "The Customer may terminate this Agreement for convenience at any time after the first "
                "twelve (12) months of the Initial Term by giving the Supplier at least ninety (90) "
                "days' written notice.",
            ),
            (A, "The Supplier has no right to terminate this Agreement for convenience."),
        ],
        everyday=["pull out"],
    ),
    q(
        AT,
        "What if the supplier goes bust? Who can end the contract then?",
        "Either Party may terminate with immediate effect by written notice if the other becomes "
        "insolvent or the subject of bankruptcy proceedings not dismissed within 60 days.",
        [["Either Party may terminate"]],
        [
            (
                A,
                "Either Party may terminate this Agreement with immediate effect by written notice if "
                "the other Party:",
            ),
            (
                A,
                "(c) becomes insolvent, makes an assignment for the benefit of its creditors, has a "
                "receiver or administrator appointed over any of its assets, or becomes the subject "
                "of a bankruptcy proceeding that is not dismissed within sixty (60) days.",
            ),
        ],
        everyday=["goes bust"],
    ),
    q(
        AT,
        "Who is on the hook if one of the supplier's subcontractors messes up?",
        "The Supplier: it remains responsible for its subcontractors' acts and omissions as if "
        "they were its own.",
        [["remains responsible"]],
        [
            (A, "The Supplier may use subcontractors to perform the Services, provided that it:"),
            (
                A,
                "(b) remains responsible for the acts and omissions of its subcontractors as if they "
                "were its own.",
            ),
        ],
        everyday=["on the hook", "messes up"],
    ),
    q(
        AT,
        "Under the agreement, who is the controller and who is the processor of personal data "
        "in Customer Data?",
        "The Customer is the controller and the Supplier is the processor.",
        [["the Customer is the controller"], ["the Supplier is the processor"]],
        [
            (
                A,
                "For Personal Data within Customer Data, the Customer is the controller and the "
                "Supplier is the processor.",
            )
        ],
    ),
    q(
        AT,
        "Who needs to sign off on a three-week block of annual leave?",
        "The line manager, and, because it is more than 10 consecutive working days, the "
        "department head as well.",
        [["line manager"], ["department head"]],
        [
            (
                H,
                "Requests for annual leave must be submitted through the HR portal and approved by the "
                "employee's line manager.",
            ),
            (
                H,
                "Requests for more than 10 consecutive working days also require the approval of the "
                "department head.",
            ),
        ],
        everyday=["sign off"],
    ),
    q(
        AT,
        "Who do I need to ask if I want a few months off without pay?",
        "Unpaid leave (up to three months) must be approved by both the line manager and HR.",
        [["line manager"], ["HR"]],
        [
            (
                H,
                "Unpaid leave must be approved by both the line manager and HR, and is granted at the "
                "company's discretion.",
            )
        ],
        everyday=["months off", "without pay"],
    ),
    q(
        AT,
        "Who can end an employment relationship by giving notice?",
        "Either party (the employee or the company), by written notice.",
        [["Either party"]],
        [(H, "Either party may end employment by giving written notice.")],
    ),
    q(
        AT,
        "Who do I email about my data?",
        "Tarnwell's Data Protection Officer, Margit Lindqvist, at dpo@tarnwell.example; requests "
        "to exercise your rights can go to privacy@tarnwell.example.",
        [["dpo@tarnwell.example", "Margit Lindqvist", "privacy@tarnwell.example"]],
        [
            (P, "Our Data Protection Officer is Margit Lindqvist. You can contact her:"),
            (P, "(a) by email at dpo@tarnwell.example;"),
            (
                P,
                "To exercise any of these rights, email privacy@tarnwell.example or use the form at "
                "tarnwell.example/privacy-request.",
            ),
        ],
    ),
    q(
        AT,
        "Who picks up the tab for telling people their data leaked, if the supplier caused it?",
        "The Supplier bears the reasonable costs of notifying affected individuals where the "
        "Security Breach results from its breach of the Agreement.",
        [["The Supplier shall bear"]],
        [
            (
                A,
                "The Supplier shall bear the reasonable costs of notifying affected individuals where "
                "the Security Breach results from its breach of this Agreement.",
            )
        ],
        everyday=["picks up the tab", "leaked"],
    ),
    q(
        AT,
        "Who do I tell if I lose my work laptop on a trip?",
        "The IT Service Desk, within one hour of discovery, by telephone on +1 207 555 0142.",
        [["IT Service Desk"]],
        [
            (
                H,
                "The loss or theft of a company laptop, phone or security token must be reported to the "
                "IT Service Desk within one hour of discovery, by telephone on +1 207 555 0142, at any "
                "time of day or night.",
            )
        ],
        everyday=["lose", "work laptop"],
    ),
    q(
        AT,
        "Who has to okay a client dinner that costs more than $120 a head?",
        "The Chief Financial Officer (client entertainment is limited to USD 120 per person).",
        [["Chief Financial Officer"]],
        [
            (
                H,
                "Client entertainment must be approved in advance by the line manager and is limited "
                "to USD 120 per person, including tax and tip.",
            ),
            (
                H,
                "Entertainment above that amount requires the approval of the Chief Financial "
                "Officer.",
            ),
        ],
        everyday=["okay", "dinner", "a head"],
    ),
    # ---------------------------------------------------------------- multi_doc (037-044)
    q(
        MD,
        "What does each of the three documents say about how fast a security problem must be "
        "reported?",
        "Agreement: the Supplier notifies the Customer of a Security Breach within 48 hours. "
        "Privacy policy: the supervisory authority within 72 hours where required. Handbook: a "
        "lost or stolen laptop, phone or token goes to the IT Service Desk within one hour.",
        [["48", "forty-eight"], ["72 hours"], ["one hour"]],
        [
            (
                A,
                "The Supplier shall notify the Customer without undue delay, and in any event within "
                "forty-eight (48) hours, after becoming aware of a Security Breach.",
            ),
            (
                P,
                "If a personal data breach is likely to result in a risk to your rights and freedoms, "
                "we will notify the competent supervisory authority within 72 hours of becoming aware "
                "of it, where the law requires us to do so.",
            ),
            (
                H,
                "The loss or theft of a company laptop, phone or security token must be reported to the "
                "IT Service Desk within one hour of discovery, by telephone on +1 207 555 0142, at any "
                "time of day or night.",
            ),
        ],
    ),
    q(
        MD,
        "In which country, and in which states, does Tarnwell keep data?",
        "In the United States: the agreement allows only US data centres, and the privacy policy "
        "names data centres in Virginia and Oregon.",
        [["United States"], ["Virginia", "Oregon"]],
        [
            (
                A,
                "The Supplier shall host Customer Data only in data centres located in the United "
                "States, and shall not transfer Customer Data outside the United States without the "
                "Customer's prior written consent.",
            ),
            (
                P,
                "Tarnwell is based in the United States and stores personal information in data "
                "centres in Virginia and Oregon.",
            ),
        ],
    ),
    q(
        MD,
        "How long are backups kept according to the agreement and the privacy policy?",
        "35 days in both: each backup of Customer Data is retained for 35 days, and backup copies "
        "are overwritten on a rolling 35-day cycle.",
        [["35"]],
        [
            (
                A,
                "The Supplier shall back up Customer Data daily and shall retain each backup for "
                "thirty-five (35) days.",
            ),
            (P, "(g) backup copies are overwritten on a rolling 35-day cycle."),
        ],
    ),
    q(
        MD,
        "How much warning does Tarnwell give before a new sub-processor starts handling "
        "personal data, according to the contract and to the privacy policy?",
        "At least 30 days in both documents.",
        [["30", "thirty"]],
        [
            (
                A,
                "(a) gives the Customer at least thirty (30) days' written notice before engaging any "
                "new subcontractor that will process Personal Data; and",
            ),
            (
                P,
                "We update the list at least 30 days before a new sub-processor starts processing "
                "personal information.",
            ),
        ],
    ),
    q(
        MD,
        "Which email addresses should be used for legal notices to Tarnwell, for privacy "
        "requests, and for questions about the leave rules?",
        "legal@tarnwell.example (notices under the agreement), privacy@tarnwell.example (or the "
        "DPO at dpo@tarnwell.example), and hr@tarnwell.example.",
        [
            ["legal@tarnwell.example"],
            ["privacy@tarnwell.example", "dpo@tarnwell.example"],
            ["hr@tarnwell.example"],
        ],
        [
            (
                A,
                "To the Supplier: Attn: General Counsel, Tarnwell Data Services, Inc., 400 Harbor "
                "Street, Suite 12, Portland, ME 04101; email: legal@tarnwell.example",
            ),
            (
                P,
                "To exercise any of these rights, email privacy@tarnwell.example or use the form at "
                "tarnwell.example/privacy-request.",
            ),
            (P, "(a) by email at dpo@tarnwell.example;"),
            (H, "Questions about this chapter should be sent to HR at hr@tarnwell.example."),
        ],
    ),
    q(
        MD,
        "How long does Tarnwell keep account details after an account is closed, and how long "
        "can Ashgrove export its data after the agreement ends?",
        "Account details: two years after closure (privacy policy). Export: 60 days after "
        "termination or expiry (agreement).",
        [["two years"], ["sixty", "60"]],
        [
            (
                P,
                "(a) account details are kept while the account is active and for two years after it "
                "is closed, so that we can deal with any questions or claims;",
            ),
            (
                A,
                "For sixty (60) days after termination or expiry, the Customer may export Customer "
                "Data using the platform's export tools.",
            ),
        ],
    ),
    q(
        MD,
        "How long are financial records kept under the privacy policy and under the handbook?",
        "Seven years in both: invoices and accounting records (privacy policy) and expense records "
        "and receipts (handbook).",
        [["seven years"]],
        [
            (
                P,
                "(d) invoices and accounting records are kept for seven years after the end of the "
                "financial year to which they relate, as required by tax law;",
            ),
            (
                H,
                "Finance keeps expense records and receipts for seven years, as required for tax "
                "purposes.",
            ),
        ],
    ),
    q(
        MD,
        "Which office address appears in both the agreement and the privacy policy?",
        "Tarnwell's head office: 400 Harbor Street, Suite 12, Portland, Maine 04101.",
        [["400 Harbor Street"]],
        [
            (
                A,
                "Tarnwell Data Services, Inc., a Delaware corporation whose principal office is at 400 "
                'Harbor Street, Suite 12, Portland, Maine 04101 (the "Supplier"); and',
            ),
            (
                P,
                "Our head office is at 400 Harbor Street, Suite 12, Portland, Maine 04101, United "
                "States.",
            ),
        ],
    ),
    # ---------------------------------------------------------------- comparison (045-051)
    q(
        CP,
        "Which needs longer notice: Ashgrove ending the agreement for convenience, or a "
        "Tarnwell manager resigning?",
        "Ashgrove's notice is longer: at least 90 days, against eight weeks for a manager.",
        [["ninety", "90"], ["eight weeks"]],
        [
            (
                A,
                "The Customer may terminate this Agreement for convenience at any time after the first "
                "twelve (12) months of the Initial Term by giving the Supplier at least ninety (90) "
                "days' written notice.",
            ),
            (H, "(c) for managers and for employees in grades 6 and above: eight weeks;"),
        ],
    ),
    q(
        CP,
        "Is the breach-notification deadline shorter in the services agreement or in the "
        "privacy policy?",
        "In the agreement: 48 hours (Supplier to Customer), against 72 hours (to the supervisory "
        "authority) in the privacy policy.",
        [["48", "forty-eight"], ["72 hours"]],
        [
            (
                A,
                "The Supplier shall notify the Customer without undue delay, and in any event within "
                "forty-eight (48) hours, after becoming aware of a Security Breach.",
            ),
            (
                P,
                "If a personal data breach is likely to result in a risk to your rights and freedoms, "
                "we will notify the competent supervisory authority within 72 hours of becoming aware "
                "of it, where the law requires us to do so.",
            ),
        ],
    ),
    q(
        CP,
        "Do I get more vacation days or more sick days?",
        "More annual leave: 22 days a year, against 10 days of paid sick leave.",
        [["22 days"], ["10 days"]],
        [
            (
                H,
                "Full-time employees accrue 22 days of paid annual leave per calendar year, in "
                "addition to the company's 10 paid public holidays.",
            ),
            (H, "Employees receive 10 days of paid sick leave per calendar year."),
        ],
        everyday=["vacation", "sick days"],
    ),
    q(
        CP,
        "How does the hotel limit in London compare with the limit in other cities?",
        "London (like New York, Boston and San Francisco) allows USD 250 per night; elsewhere the "
        "limit is USD 180, excluding taxes.",
        [["250"], ["180"]],
        [
            (
                H,
                "Hotel costs must not exceed USD 250 per night in New York, Boston, San Francisco and "
                "London, and USD 180 per night elsewhere, excluding taxes.",
            )
        ],
    ),
    q(
        CP,
        "What's the difference in service credit between a month at 99.2% uptime and a month "
        "at 98.8%?",
        "99.2% earns a 10% credit; 98.8% earns a 25% credit.",
        [["10%"], ["25%"]],
        [
            (A, "(b) below 99.5% but at least 99.0%: a credit of 10%;"),
            (A, "(c) below 99.0%: a credit of 25%."),
        ],
    ),
    q(
        CP,
        "Do we hear back faster on a Priority 1 or a Priority 2 problem?",
        "Priority 1: response within 30 minutes; Priority 2: within 2 hours.",
        [["30 minutes"], ["2 hours"]],
        [
            (
                A,
                "(a) Priority 1 (the platform is unavailable or Customer Data is at risk): response "
                "within 30 minutes and a workaround or fix within 4 hours;",
            ),
            (
                A,
                "(b) Priority 2 (a major function is impaired and no workaround exists): response "
                "within 2 hours and a workaround or fix within 1 Business Day;",
            ),
        ],
        everyday=["hear back"],
    ),
    q(
        CP,
        "How does the Supplier's liability cap for data protection and confidentiality "
        "breaches compare with the general cap?",
        "It is three times the Fees paid and payable in the previous 12 months, against one times "
        "those Fees for the general cap.",
        [["three"]],
        [
            (
                A,
                "The Supplier's total liability for breach of Article 6 (Customer Data and Data "
                "Protection) or Article 7 (Confidentiality) shall not exceed three (3) times the total "
                "Fees paid and payable in the twelve (12) months before the event giving rise to the "
                "claim.",
            ),
            (
                A,
                "each Party's total aggregate liability arising out of or in connection with this "
                "Agreement in any contract year shall not exceed the total Fees paid and payable in the "
                "twelve (12) months before the event giving rise to the claim.",
            ),
        ],
    ),
    # ---------------------------------------------------------------- yes_no (052-062)
    q(
        YN,
        "Can the customer just walk away from the contract in its first year?",
        "No. Termination for convenience is only possible after the first 12 months of the "
        "Initial Term, with 90 days' notice and an early termination fee.",
        [["first twelve"]],
        [
            (
                A,
                "The Customer may terminate this Agreement for convenience at any time after the first "
                "twelve (12) months of the Initial Term by giving the Supplier at least ninety (90) "
                "days' written notice.",
            )
        ],
        everyday=["walk away"],
    ),
    q(
        YN,
        "Does Tarnwell sell personal information?",
        "No, it does not sell personal information or share it for cross-context behavioural "
        "advertising.",
        [["do not sell"]],
        [
            (
                P,
                "We do not sell personal information, and we do not share it for cross-context "
                "behavioural advertising.",
            )
        ],
    ),
    q(
        YN,
        "Do I need a doctor's note if I'm off sick for two days?",
        "No. A medical certificate is only required for an absence of more than three "
        "consecutive working days.",
        [["more than three"]],
        [
            (
                H,
                "For an absence of more than three consecutive working days, the employee must provide "
                "a medical certificate to HR.",
            )
        ],
        everyday=["doctor's note"],
    ),
    q(
        YN,
        "Does Tarnwell's website track me for ads?",
        "No: it uses strictly necessary cookies and, with consent, analytics cookies, but no "
        "advertising cookies.",
        [["no advertising cookies"]],
        [
            (
                P,
                "Our website uses (a) strictly necessary cookies, which the site needs in order to work "
                "and which cannot be switched off; (b) analytics cookies, which tell us how visitors "
                "use the site; and (c) no advertising cookies.",
            )
        ],
        everyday=["track", "ads"],
    ),
    q(
        YN,
        "Can the supplier move our data to Europe without asking us?",
        "No. Customer Data may not be transferred outside the United States without the "
        "Customer's prior written consent.",
        [["prior written consent"]],
        [
            (
                A,
                "The Supplier shall host Customer Data only in data centres located in the United "
                "States, and shall not transfer Customer Data outside the United States without the "
                "Customer's prior written consent.",
            )
        ],
        everyday=["move", "asking us"],
    ),
    q(
        YN,
        "Can I put drinks on my expense claim?",
        "No. Alcohol is not reimbursable, except as part of approved client entertainment.",
        [["not reimbursable"]],
        [(H, "Alcohol is not reimbursable, except as part of approved client entertainment.")],
        everyday=["drinks"],
    ),
    q(
        YN,
        "Does the privacy policy apply to the claim files that insurers upload to ClaimsVault?",
        "No. For that content Tarnwell acts as a processor for its customer, and the customer's "
        "own privacy notice applies.",
        [["does not cover"]],
        [
            (
                P,
                "This policy does not cover the claim files and other content that our customers "
                "upload to ClaimsVault.",
            )
        ],
    ),
    q(
        YN,
        "Can I fly business class on a long trip?",
        "Only on flights scheduled to last more than six hours, with a vice president's approval; "
        "otherwise economy.",
        [["six hours"]],
        [
            (
                H,
                "Business class may be booked for flights with a scheduled duration of more than six "
                "hours, with the approval of a vice president.",
            )
        ],
        everyday=["fly"],
    ),
    q(
        YN,
        "Can the company fire someone without any notice?",
        "Yes, for gross misconduct (e.g. theft, fraud or a deliberate breach of the Information "
        "Security Policy): notice periods do not apply then.",
        [["gross misconduct"]],
        [
            (
                H,
                "Notice periods do not apply to dismissal for gross misconduct (e.g. theft, fraud or a "
                "deliberate breach of the Information Security Policy).",
            )
        ],
        everyday=["fire"],
    ),
    q(
        YN,
        "Does Tarnwell charge a fee to handle a privacy rights request?",
        "No, unless the request is manifestly unfounded or excessive.",
        [["do not charge a fee"]],
        [(P, "We do not charge a fee, unless a request is manifestly unfounded or excessive.")],
    ),
    q(
        YN,
        "If the system keeps going down, can Ashgrove get out of the contract?",
        "Yes: if monthly uptime falls below 99.0% in any three months within a rolling six months, "
        "the Customer may terminate (without an early termination fee).",
        [["99.0%"], ["may terminate"]],
        [
            (
                A,
                "If the Monthly Uptime Percentage falls below 99.0% in any three (3) months within a "
                "rolling period of six (6) months, the Customer may terminate this Agreement under Sec. "
                "12.3(c).",
            )
        ],
        everyday=["going down", "get out of"],
    ),
    # ---------------------------------------------------------------- heading (063-070)
    q(
        HD,
        "What is Article 11 of the services agreement called?",
        "Limitation of Liability.",
        [["LIMITATION OF LIABILITY"]],
        [(A, "ARTICLE 11 — LIMITATION OF LIABILITY")],
    ),
    q(
        HD,
        "What is section 7 of the privacy policy called?",
        "Security and Breach Notification.",
        [["SECURITY AND BREACH NOTIFICATION"]],
        [(P, "7. SECURITY AND BREACH NOTIFICATION")],
    ),
    q(
        HD,
        "What's the title of Section 5 of the handbook chapter?",
        "Ending Employment — Notice Periods.",
        [["Ending Employment"]],
        [(H, "Section 5: Ending Employment — Notice Periods")],
    ),
    q(
        HD,
        "Which article of the agreement covers ending the contract?",
        "Article 12 (Termination).",
        [["ARTICLE 12"]],
        [(A, "ARTICLE 12 — TERMINATION")],
    ),
    q(
        HD,
        "Which part of the privacy policy tells me how to get hold of the privacy officer?",
        "Section 10, Contacting our Data Protection Officer.",
        [["Section 10", "10. CONTACTING"]],
        [
            (P, "10. CONTACTING OUR DATA PROTECTION OFFICER"),
            (
                P,
                "You can ask for a copy of the safeguards we use by contacting our Data Protection "
                "Officer (see Section 10).",
            ),
        ],
        everyday=["get hold of", "privacy officer"],
    ),
    q(
        HD,
        "What is Article 6 of the agreement called?",
        "Customer Data and Data Protection.",
        [["CUSTOMER DATA AND DATA PROTECTION"]],
        [(A, "ARTICLE 6 — CUSTOMER DATA AND DATA PROTECTION")],
    ),
    q(
        HD,
        "What is the heading of section 3 of the handbook?",
        "Sick Leave.",
        [["Sick Leave"]],
        [(H, "Section 3: Sick Leave")],
    ),
    q(
        HD,
        "Which section of the privacy policy sets out how long information is kept?",
        "Section 4, How Long We Keep Information.",
        [["HOW LONG WE KEEP INFORMATION"]],
        [(P, "4. HOW LONG WE KEEP INFORMATION")],
    ),
    # ---------------------------------------------------------------- overview (071-077)
    q(
        OV,
        "What is this services agreement about?",
        "A master services agreement under which Tarnwell Data Services (the Supplier) provides "
        "ClaimsVault, a hosted platform for storing and searching insurance claim files, with "
        "support and professional services, to Ashgrove Mutual Insurance Company (the Customer).",
        [["ClaimsVault"], ["claim files", "insurance"]],
        [
            (
                A,
                "(A) The Supplier operates ClaimsVault, a hosted platform for storing, indexing and "
                "searching insurance claim files.",
            ),
            (
                A,
                "(B) The Customer wishes to use ClaimsVault and related support services on the terms "
                "of this Agreement.",
            ),
        ],
    ),
    q(
        OV,
        "Can you give me the short version of the privacy policy?",
        "It explains how Tarnwell collects and uses personal information about website visitors, "
        "ClaimsVault users, business contacts and job applicants: what it collects, why and on "
        "what legal basis, how long it keeps it, who it shares it with, transfers to the US, "
        "security, cookies, your rights and how to contact the DPO.",
        [["personal information"], ["ClaimsVault", "website", "jobs"]],
        [
            (
                P,
                'This Privacy Policy explains how Tarnwell Data Services, Inc. ("Tarnwell", "we", '
                '"us" or "our") collects and uses personal information about visitors to our '
                "website tarnwell.example, people who use our ClaimsVault platform, the business "
                "contacts of our customers and suppliers, and people who apply for jobs with us.",
            )
        ],
        everyday=["short version"],
    ),
    q(
        OV,
        "What does the handbook chapter cover?",
        "Paid and unpaid leave, notice periods for ending employment, and the rules for business "
        "travel and expense claims.",
        [["leave"], ["travel"], ["expense"]],
        [
            (
                H,
                "This chapter sets out employees' entitlements to paid and unpaid leave, the notice "
                "required to end employment, and the rules for business travel and expense claims.",
            )
        ],
    ),
    q(
        OV,
        "Give me the gist of how the contract can be ended.",
        "The Customer may terminate for convenience after 12 months on 90 days' notice, paying "
        "25% of the remaining Initial Term fees; either party may terminate for cause (material "
        "breach not remedied in 30 days, insolvency); the Customer has extra rights (change of "
        "control, security breach, chronic downtime); the Supplier may terminate for non-payment "
        "after 60 days; long force majeure allows termination by either party.",
        [["for convenience"], ["material breach", "insolvent"]],
        [
            (
                A,
                "The Customer may terminate this Agreement for convenience at any time after the first "
                "twelve (12) months of the Initial Term by giving the Supplier at least ninety (90) "
                "days' written notice.",
            ),
            (
                A,
                "Either Party may terminate this Agreement with immediate effect by written notice if "
                "the other Party:",
            ),
            (A, "(a) commits a material breach that is incapable of remedy;"),
            (
                A,
                "(c) becomes insolvent, makes an assignment for the benefit of its creditors, has a "
                "receiver or administrator appointed over any of its assets, or becomes the subject "
                "of a bankruptcy proceeding that is not dismissed within sixty (60) days.",
            ),
        ],
        everyday=["gist"],
    ),
    q(
        OV,
        "In a nutshell, what rights do I have over my personal information?",
        "Depending on where you live: access and a copy, correction, deletion, restriction or "
        "objection (including to direct marketing), portability, and withdrawing consent; plus "
        "complaining to a supervisory authority.",
        [["access"], ["corrected", "deleted", "portable"]],
        [
            (P, "(a) access the personal information we hold about you and receive a copy of it;"),
            (P, "(b) have inaccurate information corrected;"),
            (P, "(c) have your information deleted;"),
            (P, "(e) receive your information in a portable, machine-readable format; and"),
        ],
        everyday=["in a nutshell"],
    ),
    q(
        OV,
        "What does the agreement say about service levels, in short?",
        "99.9% monthly uptime, support hours and response times by priority (e.g. 30 minutes for "
        "Priority 1), and service credits of 5% to 25% when uptime falls short.",
        [["99.9%"], ["service credit"]],
        [
            (
                A,
                "The Supplier shall make the ClaimsVault platform available with a Monthly Uptime "
                "Percentage of at least 99.9% in each calendar month.",
            ),
            (
                A,
                "If the Monthly Uptime Percentage falls below 99.9% in any month, the Customer is "
                "entitled to a service credit, calculated as a percentage of the monthly equivalent of "
                "the subscription fee, as follows:",
            ),
        ],
    ),
    q(
        OV,
        "What are the rules for work trips?",
        "Travel needs the line manager's prior approval (international trips also a vice "
        "president's, booked 14 days ahead); economy class except flights over six hours; hotel "
        "caps of USD 250/180 a night; mileage at the IRS rate; no Customer Data on personal "
        "devices.",
        [["line manager"], ["economy"]],
        [
            (H, "All business travel must be approved in advance by the employee's line manager."),
            (H, "Air travel is booked in economy class."),
        ],
        everyday=["work trips"],
    ),
    # ---------------------------------------------------------------- false_premise (078-084)
    q(
        FP,
        "How much notice does the Supplier have to give to end the agreement for convenience?",
        "None: the Supplier has no right to terminate for convenience; only the Customer has.",
        [["no right to terminate"]],
        [(A, "The Supplier has no right to terminate this Agreement for convenience.")],
    ),
    q(
        FP,
        "Why does the agreement send disputes to arbitration in London?",
        "It does not: New York law governs, and the state and federal courts in New York County "
        "have exclusive jurisdiction.",
        [["New York County", "State of New York"]],
        [
            (
                A,
                "This Agreement and any dispute arising out of it are governed by the laws of the "
                "State of New York, without regard to its conflict of laws rules.",
            ),
            (
                A,
                "The state and federal courts located in New York County, New York have exclusive "
                "jurisdiction over any dispute arising out of this Agreement, save that either Party "
                "may seek injunctive relief in any competent court.",
            ),
        ],
    ),
    q(
        FP,
        "Since unused sick leave rolls over, how many sick days can I save up?",
        "It does not roll over: unused sick leave does not carry over to the next year.",
        [["does not carry over"]],
        [(H, "Unused sick leave does not carry over to the next year.")],
        everyday=["rolls over", "save up"],
    ),
    q(
        FP,
        "Why does the privacy policy keep server logs for seven years?",
        "It does not: server and security logs are kept for 90 days (seven years applies to "
        "invoices and accounting records).",
        [["90 days"]],
        [
            (
                P,
                "(c) server and security logs are kept for 90 days, or longer where a log is needed to "
                "investigate a security incident;",
            )
        ],
    ),
    q(
        FP,
        "Why do new hires have to wait six months before taking any annual leave?",
        "They do not: new employees may take leave once they have completed their first 30 days.",
        [["30 days"]],
        [
            (
                H,
                "New employees may take leave once they have completed their first 30 days of "
                "employment.",
            )
        ],
        everyday=["new hires"],
    ),
    q(
        FP,
        "Why does Tarnwell's privacy policy allow 13-year-olds to use its services?",
        "It does not: the services are not directed at children, and Tarnwell does not knowingly "
        "collect personal information from anyone under 16.",
        [["under 16"]],
        [
            (
                P,
                "Our services are intended for businesses and are not directed at children. We do not "
                "knowingly collect personal information from anyone under 16 years of age.",
            )
        ],
    ),
    q(
        FP,
        "Why can I only spend $180 a night on a room in London?",
        "You can spend more: London's limit is USD 250 per night; USD 180 applies to other cities.",
        [["250"]],
        [
            (
                H,
                "Hotel costs must not exceed USD 250 per night in New York, Boston, San Francisco and "
                "London, and USD 180 per night elsewhere, excluding taxes.",
            )
        ],
        everyday=["room"],
    ),
    # ---------------------------------------------------------------- follow_up (085-094)
    q(
        FU,
        "And what if they miss it?",
        "The Customer gets a service credit: 5% below 99.9%, 10% below 99.5%, 25% below 99.0% "
        "(capped at 25% of the monthly fee); chronic failure allows termination.",
        [["service credit"]],
        [
            (
                A,
                "If the Monthly Uptime Percentage falls below 99.9% in any month, the Customer is "
                "entitled to a service credit, calculated as a percentage of the monthly equivalent of "
                "the subscription fee, as follows:",
            )
        ],
        hist=turns(
            "What uptime does ClaimsVault promise?",
            "At least 99.9% Monthly Uptime Percentage in each calendar month.",
        ),
    ),
    q(
        FU,
        "What happens after that?",
        "It renews automatically for successive 12-month Renewal Terms unless either party gives "
        "notice of non-renewal at least 90 days before the end of the term.",
        [["renews automatically"], ["twelve", "12"]],
        [
            (
                A,
                "After the Initial Term, this Agreement renews automatically for successive terms of "
                'twelve (12) months each (each a "Renewal Term"), unless either Party gives the other '
                "written notice of non-renewal at least ninety (90) days before the end of the "
                "then-current term.",
            )
        ],
        hist=turns(
            "How long does the services agreement run at first?",
            "36 months from the Effective Date (the Initial Term).",
        ),
    ),
    q(
        FU,
        "How can I contact her?",
        "By email at dpo@tarnwell.example, by post to the Portland head office, or in the EEA "
        "through Tarnwell Europe B.V.",
        [["dpo@tarnwell.example"]],
        [
            (P, "Our Data Protection Officer is Margit Lindqvist. You can contact her:"),
            (P, "(a) by email at dpo@tarnwell.example;"),
        ],
        hist=turns("Who is Tarnwell's data protection officer?", "Margit Lindqvist."),
    ),
    q(
        FU,
        "What's her phone number?",
        "Not given: the policy offers email, post and the EU representative, but no telephone "
        "number for the Data Protection Officer.",
        hist=turns("Who is Tarnwell's data protection officer?", "Margit Lindqvist."),
        answerable=False,
    ),
    q(
        FU,
        "Does that go up the longer I stay with the company?",
        "Yes: after five years of continuous service it rises to 25 days.",
        [["25 days"]],
        [(H, "After five years of continuous service, the entitlement increases to 25 days.")],
        hist=turns(
            "How many days of annual leave do I get?",
            "22 days a year, plus 10 paid public holidays.",
        ),
    ),
    q(
        FU,
        "And in Denver?",
        "USD 180 per night (the limit outside New York, Boston, San Francisco and London), "
        "excluding taxes.",
        [["180"]],
        [
            (
                H,
                "Hotel costs must not exceed USD 250 per night in New York, Boston, San Francisco and "
                "London, and USD 180 per night elsewhere, excluding taxes.",
            )
        ],
        hist=turns("What's the hotel limit in Boston?", "USD 250 per night, excluding taxes."),
    ),
    q(
        FU,
        "And how long do they have to fix it?",
        "A workaround or fix within 1 Business Day.",
        [["1 Business Day"]],
        [
            (
                A,
                "(b) Priority 2 (a major function is impaired and no workaround exists): response "
                "within 2 hours and a workaround or fix within 1 Business Day;",
            )
        ],
        hist=turns("How fast must Tarnwell respond to a Priority 2 incident?", "Within 2 hours."),
    ),
    q(
        FU,
        "How long will they take to get back to me?",
        "Within one month of receipt, extendable by two further months for complex or numerous "
        "requests.",
        [["one month"]],
        [(P, "We respond to requests within one month of receipt.")],
        everyday=["get back to"],
        hist=turns(
            "Can I ask Tarnwell to delete my information?",
            "Yes, depending on where you live you may have the right to have your "
            "information deleted.",
        ),
    ),
    q(
        FU,
        "Can they cut off the service as well?",
        "Yes: if an undisputed amount is still unpaid 30 days after a written reminder, the "
        "Supplier may suspend the Services on 10 Business Days' further notice.",
        [["suspend"]],
        [
            (
                A,
                "If an undisputed amount remains unpaid more than thirty (30) days after the Supplier "
                "has sent a written reminder, the Supplier may suspend the Services on ten (10) "
                "Business Days' further written notice until payment is made.",
            )
        ],
        everyday=["cut off"],
        hist=turns(
            "What's the interest on late payments under the agreement?",
            "1.5% per month on undisputed overdue amounts.",
        ),
    ),
    q(
        FU,
        "What's the deadline for handing in the claim?",
        "Within 30 days after the expense is incurred; claims more than 90 days late may be "
        "refused.",
        [["30 days"]],
        [
            (
                H,
                "Expense claims must be submitted through the expenses system within 30 days after the "
                "expense is incurred, with an itemised receipt for every item above USD 25.",
            )
        ],
        everyday=["handing in"],
        hist=turns(
            "How much can I claim for meals when travelling?",
            "The actual cost up to USD 75 per day, with receipts.",
        ),
    ),
    # ---------------------------------------------------------------- unanswerable (095-)
    q(
        UN,
        "What is Tarnwell's federal tax ID number?",
        "Not stated: the agreement identifies Tarnwell as a Delaware corporation but gives no tax "
        "identification number.",
        answerable=False,
    ),
    q(
        UN,
        "How much does Ashgrove pay for each extra user above 750?",
        "Not stated: up to 750 Users are included without additional Fees, but no price for more "
        "users is given.",
        answerable=False,
    ),
    q(
        UN,
        "What phone number should I ring to make a privacy complaint?",
        "Not given: the privacy policy offers email, a web form, post and the EU representative, "
        "but no telephone number for privacy matters.",
        answerable=False,
        everyday=["ring"],
    ),
    q(
        UN,
        "How much per mile do I get for driving my own car on business?",
        "Not stated as a figure: the handbook only says the current IRS standard rate.",
        answerable=False,
        everyday=["per mile", "driving"],
    ),
    q(
        UN,
        "Does Tarnwell pay for my gym membership?",
        "Not stated: the handbook chapter covers leave, notice, travel and expenses, and mentions "
        "no fitness or wellness benefits.",
        answerable=False,
        everyday=["gym"],
    ),
    q(
        UN,
        "Who is Ashgrove's executive sponsor for the agreement?",
        "Not named: the agreement mentions executive sponsors only in the dispute escalation "
        "clause.",
        answerable=False,
    ),
    q(
        UN,
        "How much cyber insurance must Tarnwell carry under the agreement?",
        "Not stated: the agreement has no insurance requirement.",
        answerable=False,
    ),
    q(
        UN,
        "Can I work from home, and how many days a week?",
        "Not covered: the handbook chapter deals with leave, notice, travel and expenses, not "
        "remote working.",
        answerable=False,
        everyday=["work from home"],
    ),
    q(
        UN,
        "Which firm audits Tarnwell's SOC 2 report?",
        "Not named: the agreement only requires a SOC 2 Type II report renewed annually.",
        answerable=False,
    ),
    q(
        UN,
        "When was the first version of the privacy policy published?",
        "Not stated: only the current version (4.2) and its last-updated date are given.",
        answerable=False,
    ),
    q(
        UN,
        "What is the name of Tarnwell's Chief Financial Officer?",
        "Not given: the CFO is mentioned as an approver but not named.",
        answerable=False,
    ),
    q(
        UN,
        "Which cloud company hosts ClaimsVault?",
        "Not named: the privacy policy mentions a cloud hosting provider and data centres in "
        "Virginia and Oregon, but not the provider's name.",
        answerable=False,
    ),
    q(
        UN,
        "What's the overtime pay rate at Tarnwell?",
        "Not covered by the handbook chapter.",
        answerable=False,
        everyday=["overtime"],
    ),
    q(
        UN,
        "How much does the premium support package cost per year?",
        "No premium support package is mentioned; the agreement describes standard support and "
        "priority response times only.",
        answerable=False,
    ),
    q(
        UN,
        "Do we get a discount for paying invoices early?",
        "Not stated: the agreement sets payment terms and late interest but says nothing about "
        "early payment.",
        answerable=False,
        everyday=["discount"],
    ),
    q(
        UN,
        "How much severance do I get if I'm let go?",
        "Not stated: the handbook covers notice periods and pay in lieu of notice, not severance "
        "pay.",
        answerable=False,
        everyday=["severance", "let go"],
    ),
    q(
        UN,
        "How long does Tarnwell keep recordings of support phone calls?",
        "Not stated: the policy gives retention for support tickets but does not mention call "
        "recordings.",
        answerable=False,
    ),
    q(
        UN,
        "How many days off do I get when I move house?",
        "Not covered: the handbook lists no leave for moving home.",
        answerable=False,
        everyday=["days off", "move house"],
    ),
    q(
        UN,
        "Which country's law governs the privacy policy?",
        "Not stated in the privacy policy (New York law governs only the services agreement).",
        answerable=False,
    ),
    q(
        UN,
        "What happens to charity days I don't use by the end of the year?",
        "Not stated: the carry-over rule covers annual leave only.",
        answerable=False,
        everyday=["charity days"],
    ),
    q(
        UN,
        "How much did Tarnwell quote in its proposal TP-2291?",
        "Not stated: the proposal is only mentioned by number and date as superseded.",
        answerable=False,
    ),
    q(
        UN,
        "What interest does Tarnwell owe if it refunds prepaid fees late?",
        "Not stated: interest is provided only for late payment by the Customer.",
        answerable=False,
    ),
    q(
        UN,
        "Who is Tarnwell's General Counsel?",
        "Not named: the General Counsel is only the addressee for notices.",
        answerable=False,
    ),
]


def locate(text: str, quote: str, where: str) -> tuple[int, int]:
    """Find a single-spaced quote in hard-wrapped text; it must occur exactly once."""
    pattern = r"\s+".join(re.escape(tok) for tok in quote.split())
    hits = list(re.finditer(pattern, text))
    if len(hits) != 1:
        raise SystemExit(f"{where}: quote found {len(hits)} times: {quote[:60]!r}")
    return hits[0].start(), hits[0].end()


def assign_splits() -> list[str]:
    """dev/test alternately within each (category, answerable, everyday) group, in spec order.

    A group of odd size has one extra item; which split gets it alternates across all groups,
    so every category, the everyday items and the unanswerable items are each split evenly (+-1).
    """
    groups: dict[tuple, list[int]] = {}
    for i, spec in enumerate(SPECS):
        key = (spec["category"], spec["answerable"], bool(spec["everyday_terms"]))
        groups.setdefault(key, []).append(i)
    splits = [""] * len(SPECS)
    toggle = 0
    for members in groups.values():
        for k, i in enumerate(members):
            splits[i] = ("dev", "test")[(k + toggle) % 2]
        toggle = (toggle + len(members)) % 2
    return splits


def build() -> list[dict]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.txt")}
    splits = assign_splits()
    items = []
    for n, spec in enumerate(SPECS, start=1):
        item_id = f"leg-{n:03d}"
        evidence = []
        for doc_id, quote in spec["evidence"]:
            start, end = locate(texts[doc_id], quote, item_id)
            evidence.append(
                {"doc_id": doc_id, "start": start, "end": end, "quote": texts[doc_id][start:end]}
            )
        item = {
            "id": item_id,
            "split": splits[n - 1],
            "category": spec["category"],
            "question": spec["question"],
            "history": spec["history"],
            "answerable": spec["answerable"],
            "everyday": bool(spec["everyday_terms"]),
            "reference_answer": spec["reference_answer"],
            "key_facts": spec["key_facts"],
            "evidence": evidence,
            "paraphrase_of": spec["paraphrase_of"],
        }
        items.append(item)
    return items


def everyday_terms() -> dict[str, list[str]]:
    """id -> the everyday words of that question (everyday_words.json, which the check greps)."""
    return {f"leg-{n:03d}": s["everyday_terms"] for n, s in enumerate(SPECS, start=1)}


def main() -> None:
    items = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    words = {item_id: terms for item_id, terms in everyday_terms().items() if terms}
    (HERE / "everyday_words.json").write_text(
        json.dumps(words, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(items)} items to {OUT}, and their everyday words")


if __name__ == "__main__":
    main()
