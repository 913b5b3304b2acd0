"""Build questions.jsonl for the `manual` corpus from hand-written items.

Why a script: evidence offsets must never be typed by hand. Each item names its evidence by
document and exact quote; the script finds the quote with str.find, fails on a missing or
ambiguous quote, and writes the offsets. `everyday_words` (kept here, not in the JSONL, whose
schema is fixed) are the everyday words the question uses for its key concept;
`python -m evals.dataset --check manual` checks that none of them occurs in the documents.

Run: python evals/data/manual/build_questions.py   (then: python -m evals.dataset --check manual)
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
DOCS = HERE / "docs"
G, F, R = "user-guide.md", "troubleshooting-faq.md", "release-notes.md"


def item(
    id: str,
    category: str,
    question: str,
    answer: str,
    key_facts: list[list[str]] | None = None,
    evidence: list[tuple[str, str]] | None = None,
    *,
    everyday: list[str] | None = None,
    history: list[tuple[str, str]] | None = None,
    paraphrase_of: str | None = None,
) -> dict:
    """One question; answerable exactly when it has evidence."""
    return {
        "id": id,
        "category": category,
        "question": question,
        "history": [{"role": r, "content": c} for r, c in (history or [])],
        "answerable": bool(evidence),
        "everyday_words": everyday or [],
        "reference_answer": answer,
        "key_facts": key_facts or [],
        "evidence": evidence or [],
        "paraphrase_of": paraphrase_of,
    }


def U(id: str, category: str, question: str, why: str, **kw) -> dict:
    """An unanswerable item: plausible, but the documents do not say."""
    return item(id, category, question, why, **kw)


ITEMS = [
    # ---------------------------------------------------------------- single_fact
    item(
        "man-sf-01",
        "single_fact",
        "How heavy is the battery?",
        "118 kg.",
        [["118 kg"]],
        [(G, "| Weight | 118 kg |")],
        everyday=["heavy"],
    ),
    item(
        "man-sf-02",
        "single_fact",
        "How much of the stored energy can actually be used?",
        "10.2 kWh usable (of 10.8 kWh nominal), a 94 % depth of discharge.",
        [["10.2 kWh"]],
        [(G, "| Usable energy capacity | 10.2 kWh (94 % depth of discharge) |")],
    ),
    item(
        "man-sf-03",
        "single_fact",
        "How big is the unit?",
        "620 mm wide, 980 mm high and 210 mm deep.",
        [["620"], ["980"], ["210"]],
        [(G, "| Dimensions (W × H × D) | 620 × 980 × 210 mm |")],
        everyday=["big"],
    ),
    item(
        "man-sf-04",
        "single_fact",
        "What is the lowest ambient temperature the HB-10 can operate at?",
        "−10 °C (operating range −10 °C to +50 °C).",
        [["−10 °C", "−10"]],
        [(G, "| Operating temperature | −10 °C to +50 °C |")],
    ),
    item(
        "man-sf-05",
        "single_fact",
        "After I press the Function button, how long is the setup network available?",
        "15 minutes.",
        [["15 minutes"]],
        [
            (
                G,
                "Press the Function button once. The status indicator flashes blue: the setup network `AURELLE-XXXX` is now open for 15 minutes.",
            )
        ],
    ),
    item(
        "man-sf-06",
        "single_fact",
        "What rating of circuit breaker protects the AC grid connection?",
        "A 32 A circuit breaker, plus a 30 mA type A RCD.",
        [["32 A"]],
        [
            (
                G,
                "Protect the AC grid connection with a 32 A circuit breaker and a type A residual current device (RCD) of 30 mA.",
            )
        ],
    ),
    item(
        "man-sf-07",
        "single_fact",
        "After shutting the system down, how long do I have to wait before working near the terminals?",
        "At least 5 minutes, while the internal capacitors discharge.",
        [["at least 5 minutes"]],
        [(G, "Wait at least 5 minutes before any work near the terminals.")],
    ),
    item(
        "man-sf-08",
        "single_fact",
        "What round-trip efficiency does the HB-10 achieve?",
        "94.5 %.",
        [["94.5 %", "94.5"]],
        [(G, "| Round-trip efficiency | 94.5 % |")],
    ),
    item(
        "man-sf-09",
        "single_fact",
        "How many charge cycles is the battery rated for?",
        "8,000 cycles at 25 °C (to 70 % remaining capacity).",
        [["8,000"]],
        [(G, "| Cycle life | 8,000 cycles at 25 °C (to 70 % remaining capacity) |")],
    ),
    item(
        "man-sf-10",
        "single_fact",
        "How long does the HB-10 take to start up?",
        "About 90 seconds.",
        [["90 seconds"]],
        [
            (
                G,
                "Start-up takes about 90 seconds, during which the status indicator shows white breathing.",
            )
        ],
    ),
    item(
        "man-sf-11",
        "single_fact",
        "At what cell temperature is error E07 raised?",
        "Above 55 °C (over-temperature); operation resumes below 45 °C.",
        [["55 °C"]],
        [(F, "| E07 | Battery over-temperature (cell temperature above 55 °C) |")],
    ),
    item(
        "man-sf-12",
        "single_fact",
        "How long does it take them to decide on a guarantee claim?",
        "Fenwick aims to decide within 10 working days.",
        [["10 working days"]],
        [(F, "Fenwick aims to decide on a claim within 10 working days.")],
        everyday=["guarantee"],
    ),
    item(
        "man-sf-13",
        "single_fact",
        "How loud is it?",
        "Sound pressure level below 30 dB(A) at 1 m.",
        [["30 dB(A)", "30 dB"]],
        [(G, "| Sound pressure level | less than 30 dB(A) at 1 m |")],
        everyday=["loud"],
    ),
    item(
        "man-sf-14",
        "single_fact",
        "Why is the light on my battery blinking red?",
        "A flashing red status indicator means a fault; the error code is shown in the application (System › Events).",
        [["fault"], ["error code"]],
        [
            (
                F,
                "A flashing red status indicator means that the system has detected a fault and shows an error code in the application under **System › Events**.",
            )
        ],
        everyday=["light", "blinking"],
    ),
    item(
        "man-sf-15",
        "single_fact",
        "How do I reset the thing?",
        "Hold the Power and Function buttons together for 10 seconds until the status indicator flashes white three times; it restarts with factory defaults.",
        [["10 seconds"], ["Function button"]],
        [
            (
                F,
                "Press and hold the Power button and the Function button together for **10 seconds**, until the status indicator flashes white three times.",
            )
        ],
        everyday=["reset"],
    ),
    item(
        "man-sf-16",
        "single_fact",
        "How long is the guarantee?",
        "10 years from the commissioning date (or 30 MWh throughput, whichever comes first).",
        [["10-year warranty", "10 years"]],
        [
            (
                F,
                "Fenwick Grid Systems grants a **10-year warranty** on the HB-10, starting on the commissioning date.",
            ),
            (
                F,
                "The warranty ends after 10 years or after an energy throughput of 30 MWh, whichever comes first.",
            ),
        ],
        everyday=["guarantee"],
    ),
    item(
        "man-sf-17",
        "single_fact",
        "How often does it need a professional check-up?",
        "Every 3 years, by a Fenwick Certified Installer.",
        [["3 years"]],
        [(G, "**Every 3 years:** have the system inspected by a Fenwick Certified Installer.")],
        everyday=["check-up"],
    ),
    item(
        "man-sf-18",
        "single_fact",
        "What does the battery do when it gets too hot?",
        "Above +45 °C ambient it reduces its charge and discharge power (thermal derating).",
        [["45 °C"], ["thermal derating", "reduces its charge"]],
        [
            (
                G,
                "Above +45 °C ambient temperature, the HB-10 reduces its charge and discharge power (thermal derating) to protect the cells.",
            )
        ],
        everyday=["hot"],
    ),
    item(
        "man-sf-19",
        "single_fact",
        "What is the maximum PV input voltage?",
        "600 V DC (2 MPPT trackers, max. 13 A each).",
        [["600 V"]],
        [(G, "| PV input | 2 MPPT trackers, max. 600 V DC, max. 13 A per tracker |")],
    ),
    item(
        "man-sf-20",
        "single_fact",
        "How long should the system stay in Self-Consumption mode to clear error E40?",
        "48 hours, so that the cells can balance automatically.",
        [["48 hours"]],
        [
            (
                F,
                "Leave the system in Self-Consumption mode for 48 hours so that the cells can balance automatically.",
            )
        ],
    ),
    # ---------------------------------------------------------------- paraphrase
    item(
        "man-pa-01",
        "paraphrase",
        "When the HB-10 is fully charged, how many kilowatt-hours can I draw from it?",
        "10.2 kWh usable.",
        [["10.2 kWh"]],
        [(G, "| Usable energy capacity | 10.2 kWh (94 % depth of discharge) |")],
        paraphrase_of="man-sf-02",
    ),
    item(
        "man-pa-02",
        "paraphrase",
        "Once I've pressed the button to pair it with my phone, how much time do I have?",
        "15 minutes while the setup network is open.",
        [["15 minutes"]],
        [
            (
                G,
                "Press the Function button once. The status indicator flashes blue: the setup network `AURELLE-XXXX` is now open for 15 minutes.",
            )
        ],
        everyday=["phone"],
        paraphrase_of="man-sf-05",
    ),
    item(
        "man-pa-03",
        "paraphrase",
        "Which breaker size does the installer have to fit in front of the grid connection?",
        "32 A (plus a 30 mA type A RCD).",
        [["32 A"]],
        [
            (
                G,
                "Protect the AC grid connection with a 32 A circuit breaker and a type A residual current device (RCD) of 30 mA.",
            )
        ],
        paraphrase_of="man-sf-06",
    ),
    item(
        "man-pa-04",
        "paraphrase",
        "Once the system is shut down, how soon is it safe to work on the connections?",
        "After at least 5 minutes, once the internal capacitors have discharged.",
        [["at least 5 minutes"]],
        [(G, "Wait at least 5 minutes before any work near the terminals.")],
        paraphrase_of="man-sf-07",
    ),
    # ---------------------------------------------------------------- follow_up
    item(
        "man-fu-01",
        "follow_up",
        "Which one is the default?",
        "Self-Consumption mode.",
        [["Self-Consumption"]],
        [(G, "### 8.1 Self-Consumption mode (default)")],
        history=[
            ("user", "What operating modes does the HB-10 have?"),
            (
                "assistant",
                "Self-Consumption, Time-of-Use and Backup-Only, plus the Storm Guard option.",
            ),
        ],
    ),
    item(
        "man-fu-02",
        "follow_up",
        "How long should I wait before trying again?",
        "30 minutes, then start the upgrade again from the application.",
        [["30 minutes"]],
        [
            (
                F,
                "| E25 | Firmware upgrade failed | The system rolls back to the previous firmware automatically. Wait 30 minutes, then start the upgrade again from the application. |",
            )
        ],
        history=[
            ("user", "What does error E25 mean?"),
            (
                "assistant",
                "The firmware upgrade failed; the system rolls back to the previous firmware automatically.",
            ),
        ],
    ),
    item(
        "man-fu-03",
        "follow_up",
        "And what if I don't register it in time?",
        "Registration is needed within 90 days of commissioning; otherwise only the standard 5-year warranty applies.",
        [["5 years"]],
        [
            (
                F,
                "To receive the full 10 years, the system must be registered in the application or the Fenwick Support portal within 90 days of commissioning; systems that are not registered in time receive the standard warranty of 5 years.",
            )
        ],
        history=[
            ("user", "How long is the warranty on the HB-10?"),
            ("assistant", "10 years from the commissioning date."),
        ],
    ),
    item(
        "man-fu-04",
        "follow_up",
        "Which firmware do they need?",
        "Firmware 2.4.0 or later, and all units must run the same version.",
        [["2.4.0"]],
        [
            (
                F,
                "All units must run the same firmware version, and parallel operation requires firmware 2.4.0 or later.",
            )
        ],
        history=[
            ("user", "Can I add more batteries to my system?"),
            ("assistant", "Yes, up to three HB-10 units can be operated in parallel."),
        ],
    ),
    U(
        "man-fu-05",
        "follow_up",
        "Which weather service does it get the warnings from?",
        "Not stated: the documents only say Storm Guard reacts to official severe weather warnings for the postcode, not which provider supplies them.",
        history=[
            ("user", "What is Storm Guard?"),
            (
                "assistant",
                "An option that charges the battery to 100 % when an official severe weather warning is issued for your postcode.",
            ),
        ],
    ),
    item(
        "man-fu-06",
        "follow_up",
        "Who should I call about it?",
        "Your installer, immediately; shut the system down first if it is safe to do so.",
        [["installer"]],
        [
            (
                F,
                "| E31 | Residual current above 30 mA (earth fault) | Shut the system down if it is safe to do so and contact your installer immediately. |",
            )
        ],
        history=[
            ("user", "My battery shows error E31. What is that?"),
            ("assistant", "E31 means a residual current above 30 mA (an earth fault)."),
        ],
    ),
    item(
        "man-fu-07",
        "follow_up",
        "Has that changed in newer firmware?",
        "Yes: since 2.5.0 the default for new installations is 25 %; existing systems keep their value.",
        [["25 %"]],
        [
            (
                R,
                "**The default backup reserve for new installations has been raised from 20 % to 25 %.** Existing systems keep the value that was set before the upgrade.",
            )
        ],
        history=[
            ("user", "What is the backup reserve?"),
            (
                "assistant",
                "The state of charge kept in reserve for grid outages; the user guide gives a default of 20 %.",
            ),
        ],
    ),
    # ---------------------------------------------------------------- attribution
    item(
        "man-at-01",
        "attribution",
        "Who is allowed to install it — can my usual electrician do it?",
        "Only a Fenwick Certified Installer may install, relocate, wire or open it.",
        [["Fenwick Certified Installer", "Certified Installer"]],
        [(G, "Only a Fenwick Certified Installer may install, relocate, wire or open the HB-10.")],
        everyday=["electrician"],
    ),
    item(
        "man-at-02",
        "attribution",
        "Where do I buy a new air filter?",
        "From your dealer (spare part AF-10).",
        [["dealer"]],
        [
            (
                G,
                "**Every 24 months:** replace the air inlet filter (spare part AF-10, available from your dealer).",
            )
        ],
        everyday=["buy"],
    ),
    item(
        "man-at-03",
        "attribution",
        "Which company makes the Aurelle HB-10?",
        "Fenwick Grid Systems Ltd.",
        [["Fenwick Grid Systems"]],
        [(G, "The Aurelle HB-10 is made by **Fenwick Grid Systems Ltd.**")],
    ),
    item(
        "man-at-04",
        "attribution",
        "Who do I go to if I want to claim on the guarantee?",
        "The installer who commissioned the system; if that installer is no longer trading, Fenwick Support directly.",
        [["installer"], ["Fenwick Support"]],
        [
            (F, "Warranty claims are made through the installer who commissioned the system."),
            (
                F,
                "If that installer is no longer trading, contact Fenwick Support directly, quoting the serial number from the type label.",
            ),
        ],
        everyday=["guarantee"],
    ),
    item(
        "man-at-05",
        "attribution",
        "Who should I contact if error E40 doesn't go away?",
        "Fenwick Support.",
        [["Fenwick Support"]],
        [(F, "If E40 remains, contact Fenwick Support.")],
    ),
    item(
        "man-at-06",
        "attribution",
        "Who do I talk to about how much power I'm allowed to feed into the grid?",
        "Your grid operator (grid connection agreement, feed-in and export limits); the export limit setting itself is changed by the installer.",
        [["grid operator"]],
        [
            (
                F,
                "**Your grid operator:** questions about the grid connection agreement, feed-in and export limits.",
            )
        ],
    ),
    U(
        "man-at-08",
        "attribution",
        "Which company manufactures the cells inside the HB-10?",
        "Not stated: only the cell chemistry (lithium iron phosphate) is given, not the cell supplier.",
    ),
    item(
        "man-at-07",
        "attribution",
        "According to the release notes, who should read the 2.5.0 breaking changes carefully before upgrading?",
        "Installers and integrators, especially for systems connected to third-party energy management systems.",
        [["installers and integrators"]],
        [
            (
                R,
                "It shortens the backup switchover, makes the system more robust when the internet connection is lost, and retires several older interfaces, so installers and integrators should read the breaking changes carefully before upgrading systems that are connected to third-party energy management systems.",
            )
        ],
    ),
    # ---------------------------------------------------------------- multi_doc
    item(
        "man-md-01",
        "multi_doc",
        "How often does the system have to be professionally inspected, and what happens to the warranty if I skip it?",
        "Every 3 years by a Fenwick Certified Installer; the warranty is void if the inspection is missed by more than 6 months.",
        [["3 years"], ["6 months"]],
        [
            (G, "**Every 3 years:** have the system inspected by a Fenwick Certified Installer."),
            (F, "the 3-year professional inspection has been missed by more than 6 months;"),
        ],
    ),
    item(
        "man-md-02",
        "multi_doc",
        "Which firmware version introduced parallel operation, and is there a time limit for adding expansion units?",
        "Version 2.4.0 (26 August 2024); expansion units must be installed within 5 years of the first unit.",
        [["2.4.0"], ["5 years"]],
        [
            (R, "## v2.4.0 — 26 August 2024"),
            (F, "Expansion units must be installed within 5 years of the first unit"),
        ],
    ),
    item(
        "man-md-03",
        "multi_doc",
        "I got error E17 right after a firmware upgrade. What should I do, and is this a known bug?",
        "Restart the system (contact the installer if E17 returns within 24 hours). A false E17 once after an upgrade was a bug fixed in 2.4.1.",
        [["Restart the system", "restart"], ["2.4.1"]],
        [
            (
                F,
                "| E17 | Communication lost between battery module and inverter | Restart the system. If E17 returns within 24 hours, contact your installer. |",
            ),
            (R, "## v2.4.1 — 8 October 2024"),
            (
                R,
                "Error E17 could appear once after a firmware upgrade although the communication between battery module and inverter was working normally.",
            ),
        ],
    ),
    item(
        "man-md-04",
        "multi_doc",
        "The warranty mentions 70 % — how does that fit with the battery's cycle life?",
        "The warranty promises at least 70 % of usable capacity during the warranty period; the cycle life is 8,000 cycles at 25 °C to 70 % remaining capacity.",
        [["70 %"], ["8,000"]],
        [
            (
                F,
                "Fenwick warrants that the battery retains at least 70 % of its usable capacity during the warranty period.",
            ),
            (G, "| Cycle life | 8,000 cycles at 25 °C (to 70 % remaining capacity) |"),
        ],
    ),
    item(
        "man-md-05",
        "multi_doc",
        "Why is the fan going at night, and can I set different quiet times for weekends?",
        "The fan runs when the cells or inverter need cooling (limited during quiet hours); since firmware 2.5.0 quiet hours can be set separately for each day of the week.",
        [["cooling"], ["each day of the week"]],
        [
            (
                F,
                "The fan runs whenever the cells or the inverter need cooling, for example after a long discharge on a warm evening.",
            ),
            (R, "Quiet hours can now be set separately for each day of the week."),
        ],
        everyday=["weekends"],
    ),
    item(
        "man-md-06",
        "multi_doc",
        "If my basement floods, will the warranty pay for the battery, and how high should it have been mounted?",
        "Flood damage is not covered by the warranty (a matter for household insurance); the lower edge must be at least 30 cm above the floor.",
        [["not covered"], ["30 cm above the floor", "30 cm"]],
        [
            (
                F,
                "Damage caused by flooding, fire, lightning or other external events is not covered by the warranty; such damage is normally a matter for your household insurance.",
            ),
            (
                G,
                "Mount the HB-10 so that its lower edge is at least 30 cm above the floor, which protects it from standing water, and so that the status indicator is roughly at eye level.",
            ),
        ],
        everyday=["basement"],
    ),
    item(
        "man-md-07",
        "multi_doc",
        "Which version of the Aurelle Home application do I need, and where in it do I change the operating mode?",
        "Version 3.0 or later (since firmware 2.4.0); the mode is under Settings › Operating mode.",
        [["application 3.0"], ["Operating mode"]],
        [
            (R, "The Aurelle Home application 3.0 or later is required."),
            (
                G,
                "You can switch between the modes at any time in the application under **Settings › Operating mode**; the change takes effect within 1 minute.",
            ),
        ],
    ),
    # ---------------------------------------------------------------- overview
    item(
        "man-ov-01",
        "overview",
        "What is this product?",
        "The Aurelle HB-10: a wall-mounted home battery (LFP) with an integrated 5 kW hybrid inverter that stores surplus PV energy for later use and can supply backup circuits during grid outages.",
        [["home battery"], ["hybrid inverter"]],
        [
            (
                G,
                "The Aurelle HB-10 is a wall-mounted home battery with an integrated 5 kW hybrid inverter. It stores surplus energy from your photovoltaic (PV) system during the day and releases it in the evening and at night, so that your household draws less energy from the public grid.",
            )
        ],
    ),
    item(
        "man-ov-02",
        "overview",
        "What does the troubleshooting document cover?",
        "The most frequent support questions about the HB-10, the error codes shown in the application, and the warranty terms.",
        [["error codes"], ["warranty"]],
        [
            (
                F,
                "This document answers the questions that Fenwick Support hears most often about the Aurelle HB-10 home battery, explains the error codes shown in the Aurelle Home application, and summarises the warranty terms.",
            )
        ],
    ),
    item(
        "man-ov-03",
        "overview",
        "Summarize the release notes.",
        "Firmware history of the HB-10: 2.3.0 added Time-of-Use mode and quiet hours; 2.4.0 added parallel operation of up to three units and Storm Guard and changed several defaults; 2.4.1 and 2.3.2 were fix releases; 2.5.0 shortened the backup switchover to under 10 ms, extended the local buffer to 30 days and brought breaking changes (backup reserve 25 %, --grid-profile).",
        [["2.5.0"], ["parallel operation", "Parallel operation"], ["Time-of-Use"]],
        [
            (
                R,
                "These release notes list the changes in each firmware version of the Aurelle HB-10 home battery.",
            ),
            (R, "Version 2.5.0 is the largest update since parallel operation was introduced."),
            (
                R,
                "- **Time-of-Use mode** for households with dynamic or multi-rate electricity tariffs, including the **Charge from grid** setting and the eco charge window.",
            ),
        ],
    ),
    item(
        "man-ov-04",
        "overview",
        "What are the different ways the battery can run?",
        "Three operating modes — Self-Consumption (default), Time-of-Use and Backup-Only — plus the Storm Guard option.",
        [["Self-Consumption"], ["Time-of-Use"], ["Backup-Only"]],
        [
            (G, "### 8.1 Self-Consumption mode (default)"),
            (G, "### 8.2 Time-of-Use mode"),
            (G, "### 8.3 Backup-Only mode"),
        ],
    ),
    item(
        "man-ov-05",
        "overview",
        "What comes in the box?",
        "The battery module with integrated inverter, front cover with status indicator, wall bracket with anchor bolts, AC and PV connectors, the Aurelle Meter M1 energy meter with current transformers, a quick start sheet and the user guide.",
        [["wall bracket"], ["Aurelle Meter M1", "energy meter"]],
        [
            (
                G,
                "1. HB-10 battery module with integrated inverter (pre-assembled)\n2. Front cover with status indicator\n3. Wall bracket with six M8 anchor bolts\n4. AC connector (5-pole) and two pairs of PV connectors\n5. Energy meter (Aurelle Meter M1) with current transformers\n6. Quick start sheet and this user guide",
            )
        ],
    ),
    item(
        "man-ov-06",
        "overview",
        "What was firmware 2.4.1 about?",
        "A maintenance release with fixes only: a false E17 after upgrades, the eco charge window and daylight saving time, status indicator brightness after restart, and pairing with a semicolon in the WLAN password.",
        [["fixes only"]],
        [(R, "A maintenance release with fixes only. All users are recommended to upgrade.")],
    ),
    # ---------------------------------------------------------------- comparison
    item(
        "man-co-01",
        "comparison",
        "How did the default grid export limit change in firmware 2.4.0?",
        "It went from 5.0 kW to 4.6 kW for new commissionings; existing systems keep their limit.",
        [["5.0 kW"], ["4.6 kW"]],
        [
            (
                R,
                "**The default grid export limit for new commissionings has changed from 5.0 kW to 4.6 kW**",
            )
        ],
    ),
    item(
        "man-co-02",
        "comparison",
        "What's the difference between the normal mode and the emergency-only mode?",
        "Self-Consumption (default) charges from PV surplus and discharges whenever the home needs more than PV gives, down to the backup reserve; Backup-Only keeps the battery at 100 % and discharges only during a grid outage.",
        [["100 %"], ["only during a grid outage"]],
        [
            (
                G,
                "In Self-Consumption mode the HB-10 charges whenever your PV system produces more energy than your home uses and discharges whenever your home uses more energy than the PV system produces.",
            ),
            (
                G,
                "In Backup-Only mode the battery is kept at 100 % state of charge at all times and is discharged only during a grid outage.",
            ),
        ],
        everyday=["emergency"],
    ),
    item(
        "man-co-03",
        "comparison",
        "How does the minimum charging temperature in 2.4.0 compare with earlier firmware?",
        "Since 2.4.0 the pre-heater allows charging from 0 °C; before, charging was blocked below 5 °C.",
        [["temperature of 0 °C"], ["below 5 °C"]],
        [
            (
                R,
                "Improved low-temperature charging: the internal pre-heater now allows charging from a cell temperature of 0 °C. Previously, charging was blocked below 5 °C.",
            )
        ],
    ),
    item(
        "man-co-04",
        "comparison",
        "How often was data uploaded before firmware 2.4.0, compared with the default now?",
        "Every 15 minutes before; every 5 minutes by default since 2.4.0.",
        [["15 minutes"], ["now 5 minutes", "5 minutes by default"]],
        [(R, "The data upload interval is now 5 minutes by default (previously 15 minutes).")],
    ),
    item(
        "man-co-05",
        "comparison",
        "How have the default quiet hours changed between firmware versions?",
        "Introduced in 2.3.0 with 23:00–06:00; changed to 22:00–07:00 in 2.4.0 (and per-weekday settings since 2.5.0).",
        [["23:00–06:00"], ["22:00–07:00"]],
        [(R, "The default quiet hours have changed from 23:00–06:00 to 22:00–07:00.")],
    ),
    item(
        "man-co-06",
        "comparison",
        "Is the guarantee longer if I register the battery?",
        "Yes: registered within 90 days of commissioning it is 10 years; otherwise the standard 5 years.",
        [["10 years"], ["5 years"], ["90 days"]],
        [
            (
                F,
                "To receive the full 10 years, the system must be registered in the application or the Fenwick Support portal within 90 days of commissioning; systems that are not registered in time receive the standard warranty of 5 years.",
            )
        ],
        everyday=["guarantee"],
    ),
    U(
        "man-co-07",
        "comparison",
        "How does the HB-10's round-trip efficiency compare with the older HB-8 model?",
        "No HB-8 model is mentioned; only the HB-10's 94.5 % is given.",
    ),
    # ---------------------------------------------------------------- disagreement
    item(
        "man-di-01",
        "disagreement",
        "What is the backup switchover time? The guide and the release notes seem to differ.",
        "The user guide (firmware 2.4.x) says less than 20 ms; firmware 2.5.0 reduced it to less than 10 ms, and the release notes take precedence.",
        [["20 ms"], ["10 ms"]],
        [
            (G, "| Backup switchover time | less than 20 ms |"),
            (R, "The backup switchover time has been reduced to **less than 10 ms**"),
        ],
    ),
    item(
        "man-di-02",
        "disagreement",
        "What is the default backup reserve?",
        "The user guide gives 20 %; since firmware 2.5.0 new installations default to 25 % (existing systems keep their value).",
        [["20 %", "| 20 |"], ["25 %"]],
        [
            (
                G,
                "| Backup reserve | 20 | 0–80 | % | State of charge kept in reserve for grid outages |",
            ),
            (
                R,
                "**The default backup reserve for new installations has been raised from 20 % to 25 %.**",
            ),
        ],
    ),
    item(
        "man-di-03",
        "disagreement",
        "If my internet goes down, how long does the battery keep its readings?",
        "The FAQ says up to 7 days; firmware 2.5.0 extended the local buffer to 30 days.",
        [["7 days"], ["30 days"]],
        [
            (
                F,
                "While it is offline, the HB-10 keeps operating normally and stores its measurements locally for up to 7 days.",
            ),
            (R, "The local measurement buffer has been extended from 7 days to **30 days**."),
        ],
        everyday=["readings"],
    ),
    item(
        "man-di-04",
        "disagreement",
        "The guide's commissioning example uses --grid-code. Is that still right?",
        "Not since 2.5.0: the option was renamed --grid-profile and the old name is no longer accepted.",
        [["--grid-profile"]],
        [
            (
                R,
                "The `--grid-code` option of `aurelle-cli commission` has been renamed `--grid-profile`. The old option name is no longer accepted:",
            )
        ],
    ),
    item(
        "man-di-05",
        "disagreement",
        "When the backup output is overloaded, how long does it wait before trying again?",
        "The FAQ says 60 seconds; since firmware 2.5.0 it retries after 30 seconds.",
        [["60 seconds"], ["30 seconds"]],
        [
            (F, "the HB-10 then switches the Backup Output off for 60 seconds and tries again."),
            (
                R,
                "After an overload of the Backup Output, the HB-10 now tries again after **30 seconds** instead of 60 seconds.",
            ),
        ],
    ),
    # ---------------------------------------------------------------- yes_no
    item(
        "man-yn-01",
        "yes_no",
        "Can I put it in the bathroom?",
        "No: it must not be installed in humid locations such as shower rooms.",
        [["humid locations", "shower rooms"]],
        [
            (
                G,
                "Do not install the unit in humid locations such as shower rooms, saunas or rooms where laundry is dried, in rooms used for sleeping, or in escape routes and stairwells.",
            )
        ],
        everyday=["bathroom"],
    ),
    item(
        "man-yn-02",
        "yes_no",
        "Will it work with my 5 GHz wifi?",
        "No, the HB-10 supports 2.4 GHz networks only.",
        [["2.4 GHz"]],
        [(G, "The HB-10 supports 2.4 GHz networks only.")],
        everyday=["wifi"],
    ),
    item(
        "man-yn-03",
        "yes_no",
        "Can I hose it down to get the dirt off?",
        "No: wipe it with a dry or slightly damp cloth; no pressure washer, and never spray water into the air inlet or outlet.",
        [["pressure washer", "damp cloth", "never spray water"]],
        [
            (
                G,
                "Wipe the enclosure with a dry or slightly damp cloth only. Do not use solvents, scouring agents or a pressure washer, and never spray water into the air inlet or outlet.",
            )
        ],
        everyday=["hose", "dirt"],
    ),
    item(
        "man-yn-04",
        "yes_no",
        "Will my whole house keep running in a power cut?",
        "No, only the circuits your installer connected to the Backup Output are supplied.",
        [["Backup Output"]],
        [
            (
                F,
                "Only the circuits that your installer has connected to the Backup Output are supplied during a grid outage; all other circuits are without power until the grid returns.",
            )
        ],
        everyday=["power cut"],
    ),
    item(
        "man-yn-05",
        "yes_no",
        "Can I go back to the old software if I don't like the new one?",
        "No, downgrading to an earlier firmware version is not possible.",
        [["not possible"]],
        [(R, "Downgrading to an earlier firmware version is not possible.")],
        everyday=["software"],
    ),
    item(
        "man-yn-06",
        "yes_no",
        "Can it go on an outer wall where it gets rained on?",
        "Yes, its IP65 enclosure is suitable for outdoor installation (a covered, north- or east-facing wall is ideal).",
        [["IP65"]],
        [(G, "| Ingress protection | IP65 (suitable for indoor and outdoor installation) |")],
        everyday=["rained"],
    ),
    item(
        "man-yn-07",
        "yes_no",
        "Will I lose my usage graphs if I reset it?",
        "No, the energy history stays available in the application because it is stored in the cloud.",
        [["remains available"]],
        [
            (
                F,
                "your energy history remains available in the application because it is stored in the cloud",
            )
        ],
        everyday=["graphs", "reset"],
    ),
    U(
        "man-yn-08",
        "yes_no",
        "Does the HB-10 work with Apple HomeKit?",
        "Not stated: the documents mention only the Aurelle Home application, Modbus and a local REST API, not HomeKit.",
    ),
    # ---------------------------------------------------------------- heading
    item(
        "man-he-01",
        "heading",
        "Which chapter of the guide tells me what the lights on the front mean?",
        'Section 9, "Status indicator".',
        [["Status indicator"]],
        [(G, "## 9. Status indicator")],
        everyday=["lights"],
    ),
    item(
        "man-he-02",
        "heading",
        "What is the chapter on cleaning and servicing called?",
        'Section 10, "Maintenance and care".',
        [["Maintenance and care"]],
        [(G, "## 10. Maintenance and care")],
        everyday=["cleaning"],
    ),
    item(
        "man-he-03",
        "heading",
        "Which section covers what I can tweak in the app, like the backup reserve?",
        'Section 7, "Configuration settings".',
        [["Configuration settings"]],
        [(G, "## 7. Configuration settings")],
        everyday=["tweak"],
    ),
    item(
        "man-he-04",
        "heading",
        "Under which heading do the release notes list changed default values?",
        'Under "Breaking changes".',
        [["Breaking changes"]],
        [
            (
                R,
                "Changes that alter a default value or require action by installers or integrators are listed under **Breaking changes**.",
            )
        ],
    ),
    item(
        "man-he-05",
        "heading",
        "Which FAQ entry is about keeping the lights on when the grid goes down?",
        '"Will my home have power during a grid outage?"',
        [["Will my home have power"]],
        [(F, "## Will my home have power during a grid outage?")],
        everyday=["lights"],
    ),
    item(
        "man-he-06",
        "heading",
        "Which section of the user guide is meant for installers only?",
        'Section 5, "Installation (Installer only)".',
        [["Installation (Installer only)", "5. Installation"]],
        [(G, "## 5. Installation (Installer only)")],
    ),
    U(
        "man-he-07",
        "heading",
        "What is the section on three-phase installation called?",
        "There is none: the HB-10 is described only for a 230 V single-phase grid connection and no section covers three-phase installation.",
    ),
    # ---------------------------------------------------------------- false_premise
    item(
        "man-fp-01",
        "false_premise",
        "Why does the HB-10 need a separate solar inverter?",
        "It doesn't: the inverter is built in, so the PV strings connect directly and no separate solar inverter is needed.",
        [["no separate solar inverter"]],
        [
            (
                G,
                "Because the inverter is built in, the PV strings connect directly to the HB-10 and no separate solar inverter is needed.",
            )
        ],
    ),
    item(
        "man-fp-02",
        "false_premise",
        "Why is the guarantee only 2 years?",
        "It isn't: the warranty is 10 years (5 years if the system is not registered within 90 days).",
        [["10-year warranty", "10 years"]],
        [
            (
                F,
                "Fenwick Grid Systems grants a **10-year warranty** on the HB-10, starting on the commissioning date.",
            ),
            (
                F,
                "The warranty ends after 10 years or after an energy throughput of 30 MWh, whichever comes first.",
            ),
        ],
        everyday=["guarantee"],
    ),
    item(
        "man-fp-03",
        "false_premise",
        "Why was Storm Guard removed in firmware 2.5.0?",
        "It wasn't: 2.5.0 extended it so it can also react to planned maintenance outages announced by the grid operator.",
        [["planned maintenance outages"]],
        [
            (
                R,
                "Storm Guard can optionally react to planned maintenance outages announced by the grid operator, where the grid operator publishes them.",
            )
        ],
    ),
    item(
        "man-fp-04",
        "false_premise",
        "Why does the HB-10 use NMC cells?",
        "It doesn't: it uses lithium iron phosphate (LFP) cells.",
        [["lithium iron phosphate", "LFP"]],
        [(G, "| Cell chemistry | Lithium iron phosphate (LFP) |")],
    ),
    item(
        "man-fp-05",
        "false_premise",
        "I read that holding the power button for 30 seconds resets it to factory settings. Is that how it works?",
        "No: hold the Power and Function buttons together for 10 seconds to restore factory defaults.",
        [["10 seconds"], ["Function button"]],
        [
            (
                F,
                "Press and hold the Power button and the Function button together for **10 seconds**, until the status indicator flashes white three times.",
            )
        ],
        everyday=["resets"],
    ),
    item(
        "man-fp-06",
        "false_premise",
        "Why can only one HB-10 be installed per home?",
        "That's not so: up to three units can operate in parallel (30.6 kWh usable).",
        [["up to three"], ["30.6 kWh"]],
        [
            (
                F,
                "Up to three HB-10 units can be operated in parallel, which gives a total usable capacity of 30.6 kWh.",
            )
        ],
    ),
    # ---------------------------------------------------------------- unanswerable
    U(
        "man-un-01",
        "unanswerable",
        "How much does the HB-10 cost?",
        "No price is given in any of the documents.",
        everyday=["cost"],
    ),
    U(
        "man-un-02",
        "unanswerable",
        "Which safety certifications does the HB-10 have?",
        "No safety certification is listed; the documents give only the IP65 ingress protection rating and an example grid code, which are not safety certifications.",
    ),
    U(
        "man-un-03",
        "unanswerable",
        "How many cells are in the battery module?",
        "The cell chemistry (LFP) and capacities are given, but not the number of cells.",
    ),
    U(
        "man-un-04",
        "unanswerable",
        "What was fixed in firmware 2.4.2?",
        "There is no version 2.4.2 in the release notes (2.4.1 is followed by 2.5.0).",
    ),
    U(
        "man-un-05",
        "unanswerable",
        "What is the monthly self-discharge rate of the battery?",
        "The specifications give no self-discharge rate.",
    ),
    U(
        "man-un-06",
        "unanswerable",
        "How much will the battery save on my electricity bill each year?",
        "The documents make no statement about savings.",
        everyday=["bill"],
    ),
    U(
        "man-un-07",
        "unanswerable",
        "What is the maximum length of the Ethernet cable?",
        "Ethernet is mentioned, but no cable length limit is given.",
    ),
    U(
        "man-un-08",
        "unanswerable",
        "Who is the CEO of Fenwick Grid Systems?",
        "No person at Fenwick Grid Systems is named.",
    ),
    U(
        "man-un-09",
        "unanswerable",
        "What is the part number of the replacement fan?",
        "Only the air inlet filter has a part number (AF-10); the fan's is not given.",
    ),
    U(
        "man-un-10",
        "unanswerable",
        "Does the HB-10 come in other colours?",
        "The documents say nothing about colours or finishes.",
        everyday=["colours"],
    ),
    U(
        "man-un-11",
        "unanswerable",
        "What is the usable capacity of the larger HB-15 model?",
        "No HB-15 model is mentioned; only the HB-10 is described.",
    ),
    U(
        "man-un-12",
        "unanswerable",
        "How long does a firmware upgrade usually take?",
        "Only the upgrade window (02:00–04:00) is given, not how long an upgrade takes.",
    ),
    U(
        "man-un-13",
        "unanswerable",
        "In which countries is Storm Guard available?",
        "The release notes say only that it is not yet available in all countries and that availability is shown in the application.",
    ),
    U(
        "man-un-14",
        "unanswerable",
        "Can I charge my electric car from the battery?",
        "Electric vehicles and charging stations are not mentioned.",
        everyday=["car"],
    ),
    U(
        "man-un-15",
        "unanswerable",
        "What does error code E15 mean?",
        "E15 is not in the error code table (E01, E03, E07, E08, E12, E17, E21, E25, E31, E40).",
    ),
    U(
        "man-un-17",
        "unanswerable",
        "To what temperature does the pre-heater warm the cells?",
        "Only the threshold below which the pre-heater starts (5 °C by default) and the 0 °C charging limit are given, not a target temperature.",
    ),
    U(
        "man-un-16",
        "unanswerable",
        "What is the support hotline number for customers in Austria?",
        "Only one hotline (0800 555 0142) is given, with no country-specific numbers.",
    ),
]


def locate(doc_id: str, quote: str, texts: dict[str, str]) -> dict:
    """Offsets of a quote that occurs exactly once (an ambiguous quote would cite the wrong place)."""
    text = texts[doc_id]
    start = text.find(quote)
    if start < 0:
        raise SystemExit(f"quote not found in {doc_id}: {quote!r}")
    if text.find(quote, start + 1) >= 0:
        raise SystemExit(f"quote occurs more than once in {doc_id}: {quote!r}")
    return {"doc_id": doc_id, "start": start, "end": start + len(quote), "quote": quote}


DONE: list[dict] = []  # rows written so far, in order


def choose_split(it: dict, counts: Counter[tuple]) -> str:
    """Greedy split: keep each category even first, then answerable/unanswerable, then everyday.

    A paraphrase takes its original's split (the originals are chosen so that this stays even).
    Why greedy and not alternation: alternating within each category alone put most of the
    few unanswerable items of small categories into dev.
    """
    if it["paraphrase_of"]:
        # a paraphrase goes where its original went, so tuning on dev never sees a test
        # question reworded
        return next(r["split"] for r in DONE if r["id"] == it["paraphrase_of"])
    keys = (it["category"], it["answerable"], bool(it["everyday_words"]))
    return min(("dev", "test"), key=lambda split: [counts[(split, k)] for k in keys])


def main() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    counts: Counter[tuple] = Counter()
    rows, words = DONE, {}
    for it in ITEMS:
        split = choose_split(it, counts)
        counts.update(
            [
                (split, it["category"]),
                (split, it["answerable"]),
                (split, bool(it["everyday_words"])),
            ]
        )
        row = {
            "id": it["id"],
            "split": split,
            "category": it["category"],
            "question": it["question"],
            "history": it["history"],
            "answerable": it["answerable"],
            "everyday": bool(it["everyday_words"]),
            "reference_answer": it["reference_answer"],
            "key_facts": it["key_facts"],
            "evidence": [locate(d, q, texts) for d, q in it["evidence"]],
            "paraphrase_of": it["paraphrase_of"],
        }
        rows.append(row)
        if it["everyday_words"]:
            words[it["id"]] = it["everyday_words"]
    with (HERE / "questions.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    (HERE / "everyday_words.json").write_text(
        json.dumps(words, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(rows)} items")


if __name__ == "__main__":
    main()
