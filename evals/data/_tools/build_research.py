"""Build evals/data/research/questions.jsonl: questions over a small set of research documents
about Kestrel, a fictional drought-tolerant sorghum variety (documents written for this eval,
CC0-1.0): a hard-wrapped technical report of a field trial, a Markdown encyclopedia article and
a plain-language FAQ for growers.

Run: python evals/data/_tools/build_research.py, then python -m evals.dataset --check research
Evidence offsets come from the documents, never typed: each quote is written here with single
spaces and located with a regex in which a space matches any run of whitespace (the report is
hard-wrapped and its table is aligned with spaces), so the stored quote is the documents' exact
text[start:end], newlines included.
"""

from __future__ import annotations

from functools import partial

from common import Q, corpus_docs, finish, hist, located

TR = "kestrel-trial-report.txt"
EN = "kestrel-sorghum.md"
FQ = "kestrel-faq.txt"
DOCS = corpus_docs("research")


x = partial(located, DOCS)  # (doc_id, exact text) of a quote written with single spaces


TITLE = (
    "Grain yield and water productivity of the sorghum line KR-47 ('Kestrel') under deficit "
    "irrigation: a two-season, three-site field trial"
)
SEVERE = (
    "Under severe deficit irrigation (30%), Kestrel yielded 2.41 t/ha against 1.62 t/ha for "
    "Sefton, an advantage of 49% (95% CI 38 to 61%)."
)
WATER_ABSTRACT = (
    "Across the two deficit regimes Kestrel used 19% less water per tonne of grain than Sefton "
    "(95% CI 12 to 26%)."
)
WATER_RESULT = (
    "Put the other way, Kestrel needed 19% less water per tonne of grain than Sefton (95% CI 12 "
    "to 26%)."
)
FULL = (
    "Under full irrigation Kestrel yielded 2% less than Sefton, a difference that was not "
    "significant (95% CI -8 to 4%, p = 0.52)."
)
HAIL = (
    "In the 2024 season, hail on 9 February destroyed the blocks of replicates 3 and 4 at "
    "Tarrant Downs (12 plots)."
)
PHENOLOGY = (
    "Kestrel reached 50% flowering 64 days after sowing on average, 6 days earlier than Sefton "
    "(70 days), and was ready for harvest 9 days earlier (95% CI 7 to 11 days)."
)
LODGING = (
    "Lodging was lower in Kestrel (4% of plants against 11% for Sefton), which we attribute to "
    "its shorter stems."
)
HEIGHT = "Mean plant height at maturity was 1.34 m for Kestrel and 1.62 m for Sefton."
BIRDS_TR = (
    "Fourth, we did not test the grain for milling or brewing quality, nor did we assess bird "
    "damage, which growers of white-grained varieties often report."
)
RECOMMEND_TR = "We recommend it for districts with a seasonal water supply below about 450 mm."
FUNDED_TR = (
    "The trial was funded by the Varrow Basin Water Board (grant VBWB-2022-114) and by the "
    "Halvern Institute."
)
PILOT_TR = (
    "This is well below the 30% reported from the 2019 pilot, which covered a single site in an "
    "unusually hot season."
)
ANTHRAC_TR = (
    "The resistance seen in the breeding nurseries was therefore not confirmed in the field."
)
WATERLOGGED = (
    "It does poorly on waterlogged soils, and the Institute advises against growing it in the "
    "low-lying parts of the Mossgiel district."
)
PILOT_EN = (
    "The pilot, led by Maren Olufsen, reported that KR-47 needed about 30% less water than "
    "Sefton for the same grain yield."
)
WATER_EN = "Kestrel needs about 30% less water than Sefton to produce the same amount of grain."
ANTHRAC_EN = (
    "It is also resistant to anthracnose, a fungal disease of the leaves and stems of sorghum."
)
ADOPTION = (
    "By the 2025 season Kestrel was grown on an estimated 18,500 hectares in the Varrow Basin, "
    "about 22% of the basin's sorghum area."
)
CROSS = (
    "The cross between Mabele Red and HX-9 was made in 2014 by Lindiwe Mokoena, then a doctoral "
    "student at the University of Eastmoor working in the Halvern Institute's sorghum programme."
)
NAME = (
    "The variety takes its name from the lesser kestrel, a small falcon that nests in the old "
    "grain stores of the Varrow Basin."
)
WEAVER = (
    "Growers in the northern districts have complained of damage by weaver birds, which prefer "
    "white-grained sorghum."
)
FLOWERS_EN = (
    "It flowers about 64 days after sowing and matures in about 105 days, somewhat earlier than "
    "Sefton."
)
OUTDATED = (
    "That figure is outdated. It came from a small pilot in 2019, at one site and in one season."
)
WATER_FQ = (
    "The larger trial of 2023 and 2024 found that Kestrel needs about 19% less water than Sefton "
    "to grow the same amount of grain."
)
BAG = (
    "In the 2025 season a 10 kg bag, enough for a little over one hectare at the recommended rate "
    "of 8 kg per hectare, costs 46 varos."
)
SEED_FQ = "Certified Kestrel seed is produced by the Halvern Seed Unit and sold through the district cooperatives."
OPEN_FQ = (
    "Yes. Kestrel is open-pollinated, not a hybrid, so seed kept from your own crop will stay "
    "true to type for several seasons."
)
GM_FQ = (
    "No. Kestrel was bred the conventional way, by crossing two sorghum parents and selecting "
    "among their offspring over several seasons."
)
DISEASE_FQ = (
    "Early tests in the breeding nurseries suggested that Kestrel resists anthracnose, but the "
    "field trial found no real difference from Sefton."
)
WEAK_FQ = (
    "Its grain has slightly less protein than Sefton's (10.8% against 11.3%), and, like other "
    "white-grained sorghums, it attracts birds."
)
RECOMMEND_FQ = (
    "The trial recommends Kestrel where a crop receives less than about 450 mm of water in a "
    "season, counting both rainfall and irrigation."
)

NEW = [
    # --- single facts: numbers, units, names, dates --------------------------------------------
    Q("rs-sf-01", "single_fact", "How many replicates did the trial have at each site?",
      "Four replicates at each site (split-plot randomised complete block design).",
      [["four replicates"]],
      [x(TR, "The trial was a split-plot randomised complete block design with four replicates at each site.")]),
    Q("rs-sf-02", "single_fact", "What plant density were the plots thinned to?",
      "110,000 plants per hectare, three weeks after emergence.",
      [["110,000"]],
      [x(TR, "Seed was sown at 8 kg/ha and thinned to 110,000 plants per hectare three weeks after emergence.")]),
    Q("rs-sf-03", "single_fact", "How many tons per hectare did Kestrel give in the driest treatment?",
      "2.41 t/ha under severe deficit irrigation (30% of ETc), against 1.62 t/ha for Sefton.",
      [["2.41"]],
      [x(TR, SEVERE)], ["tons"]),
    Q("rs-sf-04", "single_fact", "What is the long-term mean seasonal rainfall at Tarrant Downs?",
      "360 mm (loamy sand).",
      [["360 mm"]],
      [x(TR, "Tarrant Downs: loamy sand, 360 mm.")]),
    Q("rs-sf-05", "single_fact", "What kind of dirt does the Mossgiel site have?",
      "Clay loam.",
      [["clay loam"]],
      [x(TR, "Mossgiel: clay loam, 520 mm;")], ["dirt"]),
    Q("rs-sf-06", "single_fact", "What wrecked part of the trial at Tarrant Downs in 2024?",
      "Hail, on 9 February 2024, which destroyed the blocks of replicates 3 and 4 (12 plots).",
      [["hail"]],
      [x(TR, HAIL)], ["wrecked"]),
    Q("rs-sf-07", "single_fact", "How many plot-seasons were analysed in the end?",
      "204 of the 216 in the design.",
      [["204"]],
      [x(TR, "These plots were excluded, which left 204 of the 216 plot-seasons in the design for analysis.")]),
    Q("rs-sf-08", "single_fact", "How were the plots watered?",
      "By drip irrigation, at 100%, 60% or 30% of crop evapotranspiration.",
      [["drip irrigation"]],
      [x(TR, "Three regimes were applied by drip irrigation: full irrigation (100% of crop evapotranspiration, ETc), moderate deficit (60% of ETc) and severe deficit (30% of ETc).")],
      ["watered"]),
    Q("rs-sf-09", "single_fact", "How was the crop's evapotranspiration estimated?",
      "Daily, from an on-site weather station, with the FAO-56 method.",
      [["FAO-56"]],
      [x(TR, "ETc was estimated daily from an on-site weather station with the FAO-56 method (Allen et al., 1998).")]),
    Q("rs-sf-10", "single_fact", "For how long did every plot get full irrigation at the start of the season?",
      "For the first 30 days after sowing, so that stands could establish.",
      [["30 days"]],
      [x(TR, "All plots received full irrigation for the first 30 days after sowing, so that stands could establish.")]),
    Q("rs-sf-11", "single_fact", "To what moisture content were grain yields adjusted?",
      "12.5% moisture.",
      [["12.5%"]],
      [x(TR, "Grain yield was measured on the harvested rows and adjusted to 12.5% moisture.")]),
    Q("rs-sf-12", "single_fact", "When does the report count a plant as lodged?",
      "When it leans more than 45 degrees from upright.",
      [["45 degrees"]],
      [x(TR, "lodging (the share of plants leaning more than 45 degrees from upright)")]),
    Q("rs-sf-13", "single_fact", "How tall is Kestrel when it's mature?",
      "About 1.3 m; the trial measured 1.34 m on average (Sefton 1.62 m).",
      [["1.34 m", "1.3 m"]],
      [x(TR, HEIGHT), x(EN, "Kestrel is a short variety, about 1.3 m at maturity, with compact, semi-open panicles and white grain.")],
      ["tall"]),
    Q("rs-sf-14", "single_fact", "How many days after sowing does Kestrel reach 50% flowering?",
      "64 days on average, 6 days earlier than Sefton.",
      [["64 days"]],
      [x(TR, PHENOLOGY)]),
    Q("rs-sf-15", "single_fact", "What share of Kestrel plants fell over in the trial?",
      "4% of plants lodged, against 11% for Sefton.",
      [["4%"]],
      [x(TR, LODGING)], ["fell over"]),
    Q("rs-sf-16", "single_fact", "What row spacing did the trial use?",
      "0.75 m (six rows per 4.5 m wide subplot).",
      [["0.75 m"]],
      [x(TR, "Each subplot was 6 m long and 4.5 m wide, with six rows at 0.75 m spacing; only the four centre rows were harvested.")]),
    Q("rs-sf-17", "single_fact", "What statistical model was used for the yields?",
      "A linear mixed model (variety, regime and their interaction fixed; site, season and block random).",
      [["linear mixed model"]],
      [x(TR, "Yields were analysed with a linear mixed model with variety, regime and their interaction as fixed effects, and site, season and block as random effects (Bates et al., 2015).")]),
    Q("rs-sf-18", "single_fact", "Which software was the analysis done in?",
      "R 4.3.",
      [["R 4.3"]],
      [x(TR, "All analyses used R 4.3.")]),
    Q("rs-sf-19", "single_fact", "What is the number of the Water Board grant that funded the trial?",
      "VBWB-2022-114.",
      [["VBWB-2022-114"]],
      [x(TR, FUNDED_TR)]),
    Q("rs-sf-20", "single_fact", "How many acres of Kestrel were being grown by 2025?",
      "An estimated 18,500 hectares in the Varrow Basin, about 22% of the basin's sorghum area.",
      [["18,500 hectares"]],
      [x(EN, ADOPTION)], ["acres"]),
    Q("rs-sf-21", "single_fact", "How pricey is Kestrel seed?",
      "46 varos for a 10 kg bag in the 2025 season.",
      [["46 varos"]],
      [x(FQ, BAG)], ["pricey"]),
    Q("rs-sf-22", "single_fact", "Where can I buy Kestrel seed?",
      "Through the district cooperatives; certified seed is produced by the Halvern Seed Unit.",
      [["district cooperatives"]],
      [x(FQ, SEED_FQ)], ["buy"]),
    Q("rs-sf-23", "single_fact", "If growers keep their own seed, how often should they go back to certified seed?",
      "Every three to four years, the Halvern Institute advises.",
      [["three to four years"]],
      [x(FQ, "The Halvern Institute advises replacing home-saved seed with certified seed every three to four years.")]),
    Q("rs-sf-24", "single_fact", "When did Kestrel come out?",
      "It was released to growers in October 2021 (entered in the national variety list in March 2021).",
      [["October 2021"]],
      [x(EN, "KR-47 was entered in the national variety list in March 2021 and released to growers as Kestrel in October 2021.")],
      ["come out"]),
    Q("rs-sf-25", "single_fact", "What is Kestrel named after?",
      "The lesser kestrel, a small falcon that nests in the old grain stores of the Varrow Basin.",
      [["lesser kestrel"]],
      [x(EN, NAME)], ["named after"]),
    Q("rs-sf-26", "single_fact", "How many lines did the breeders start selecting from?",
      "About 1,400 lines in the first generation, narrowed down to 12.",
      [["1,400"]],
      [x(EN, "About 1,400 lines in the first generation were narrowed down to 12 in the last.")]),
    Q("rs-sf-27", "single_fact", "What sort of ground should Kestrel not be grown on?",
      "Waterlogged soils; the Institute advises against the low-lying parts of the Mossgiel district.",
      [["waterlogged soils"]],
      [x(EN, WATERLOGGED)], ["ground"]),
    Q("rs-sf-28", "single_fact", "How much later than Sefton can Kestrel be sown?",
      "Up to three weeks later, and still be harvested before the end of the season.",
      [["three weeks later"]],
      [x(EN, "Because it matures early, Kestrel can be sown up to three weeks later than Sefton and still be harvested before the end of the season, which makes it a common choice for replanting after a failed first sowing.")]),
    Q("rs-sf-29", "single_fact", "Which birds are farmers in the north complaining about?",
      "Weaver birds, which prefer white-grained sorghum.",
      [["weaver birds"]],
      [x(EN, WEAVER)], ["farmers"]),
    Q("rs-sf-30", "single_fact", "For what seasonal water supply does the trial report recommend Kestrel?",
      "For districts with a seasonal water supply below about 450 mm.",
      [["450 mm"]],
      [x(TR, RECOMMEND_TR)]),
    # --- paraphrases -----------------------------------------------------------------------------
    Q("rs-pa-01", "paraphrase", "After the hail, how many plots were left to analyse?",
      "204 of the 216 plot-seasons.",
      [["204"]],
      [x(TR, "These plots were excluded, which left 204 of the 216 plot-seasons in the design for analysis.")],
      paraphrase_of="rs-sf-07"),
    Q("rs-pa-02", "paraphrase", "Below how much water a season is Kestrel the better pick?",
      "Below about 450 mm of water in a season, counting rainfall and irrigation.",
      [["450 mm"]],
      [x(FQ, RECOMMEND_FQ)], ["pick"], paraphrase_of="rs-sf-30"),
    Q("rs-pa-03", "paraphrase", "How long after sowing does Kestrel start to bloom?",
      "About 64 days after sowing.",
      [["64 days"]],
      [x(EN, FLOWERS_EN)], ["bloom"], paraphrase_of="rs-sf-14"),
    Q("rs-pa-04", "paraphrase", "Why is the variety called Kestrel?",
      "After the lesser kestrel, a small falcon that nests in the basin's old grain stores.",
      [["lesser kestrel"]],
      [x(EN, NAME)], paraphrase_of="rs-sf-25"),
    # --- yes/no ---------------------------------------------------------------------------------
    Q("rs-yn-01", "yes_no", "Is Kestrel a GMO?",
      "No: it was bred the conventional way and contains no genes from any other species.",
      [["conventional way"]],
      [x(FQ, GM_FQ)], ["GMO"]),
    Q("rs-yn-02", "yes_no", "Did Kestrel out-yield Sefton under full irrigation?",
      "No: it yielded 2% less, a difference that was not significant.",
      [["not significant"]],
      [x(TR, FULL)]),
    Q("rs-yn-03", "yes_no", "Should farmers who irrigate fully switch to Kestrel?",
      "No: growers who irrigate fully have no reason to switch varieties.",
      [["no reason to switch"]],
      [x(TR, "Growers who irrigate fully have no reason to switch varieties.")], ["farmers"]),
    Q("rs-yn-04", "yes_no", "Were rain-out shelters used in the trial?",
      "No; rainfall was counted against each regime's target.",
      [["were not used"]],
      [x(TR, "Rainfall was counted against each regime's target; rain-out shelters were not used.")]),
    Q("rs-yn-05", "yes_no", "Does Kestrel cope with flooded fields?",
      "No: it does poorly on waterlogged soils.",
      [["does poorly on waterlogged soils"]],
      [x(EN, WATERLOGGED)], ["flooded"]),
    Q("rs-yn-06", "yes_no", "Did the trial measure bird damage?",
      "No: the report lists not assessing bird damage among its limitations.",
      [["assess bird damage"]],
      [x(TR, BIRDS_TR)]),
    Q("rs-yn-07", "yes_no", "Was the trial paid for by a seed company?",
      "No: it was funded by the Varrow Basin Water Board and the Halvern Institute.",
      [["Varrow Basin Water Board"]],
      [x(TR, FUNDED_TR)], ["paid for"]),
    Q("rs-yn-08", "yes_no", "Is Kestrel a hybrid?",
      "No, it is an open-pollinated variety, so growers can keep seed from their own crop.",
      [["open-pollinated"]],
      [x(EN, "Kestrel is an open-pollinated variety rather than a hybrid, so growers can keep seed from their own crop.")]),
    # --- headings -------------------------------------------------------------------------------
    Q("rs-hd-01", "heading", "What is section 2.3 of the trial report called?",
      "Irrigation treatments.",
      [["Irrigation treatments"]],
      [x(TR, "2.3 Irrigation treatments")]),
    Q("rs-hd-02", "heading", "What is the title of the trial report?",
      TITLE + ".",
      [["Grain yield and water productivity"]],
      [x(TR, TITLE)]),
    Q("rs-hd-03", "heading", "What is section 5 of the report called?",
      "Limitations.",
      [["Limitations"]],
      [x(TR, "5. Limitations")]),
    Q("rs-hd-04", "heading", "Under which heading does the encyclopedia article cover how widely farmers took up the variety?",
      "Adoption.",
      [["Adoption"]],
      [x(EN, "## Adoption")], ["farmers", "took up"]),
    Q("rs-hd-05", "heading", "What is section 3.3 of the report called?",
      "Phenology, standing ability and grain quality.",
      [["Phenology, standing ability"]],
      [x(TR, "3.3 Phenology, standing ability and grain quality")]),
    Q("rs-hd-06", "heading", "Which question in the growers' sheet deals with Kestrel's weak spots?",
      "\"Does Kestrel have any disadvantages?\"",
      [["any disadvantages"]],
      [x(FQ, "Does Kestrel have any disadvantages?")], ["weak spots"]),
    # --- overview -------------------------------------------------------------------------------
    Q("rs-ov-01", "overview", "What is the trial report about?",
      "A two-season, three-site trial comparing Kestrel with Sefton and Marula 3 under three irrigation regimes.",
      [["three irrigation regimes"], ["three sites"]],
      [x(TR, "We compared Kestrel with two check varieties, Sefton and Marula 3, under three irrigation regimes (100%, 60% and 30% of crop evapotranspiration) at three sites in the 2023 and 2024 seasons, in a split-plot randomised complete block design with four replicates.")]),
    Q("rs-ov-02", "overview", "Give me the gist of what the study found.",
      "Kestrel yielded far more than Sefton under water shortage (49% more under severe deficit), the same under full irrigation, and used 19% less water per tonne of grain.",
      [["49%"], ["19%"]],
      [x(TR, SEVERE), x(TR, WATER_ABSTRACT)], ["gist"]),
    Q("rs-ov-03", "overview", "What is Kestrel?",
      "A drought-tolerant variety of grain sorghum bred at the Halvern Institute for Dryland Agriculture and released in 2021.",
      [["drought-tolerant variety", "cope with dry seasons"]],
      [x(EN, "**Kestrel** (breeding code **KR-47**) is a drought-tolerant variety of grain sorghum (*Sorghum bicolor*) bred at the Halvern Institute for Dryland Agriculture and released in 2021."),
       x(FQ, "Kestrel is a sorghum variety bred to cope with dry seasons.")]),
    Q("rs-ov-04", "overview", "What does the Water Board's information sheet cover?",
      "The questions growers ask most often about Kestrel and the 2023-2024 trial, as a plain-language summary.",
      [["questions we hear most often", "plain-language summary"]],
      [x(FQ, "This sheet answers the questions we hear most often about Kestrel, the drought-tolerant sorghum variety, and about the field trial of 2023 and 2024 that the Water Board funded."),
       x(FQ, "It is a plain-language summary.")]),
    Q("rs-ov-05", "overview", "In a nutshell, what are the downsides of Kestrel?",
      "Slightly less protein than Sefton, it attracts birds, and slightly less grain under full irrigation.",
      [["less protein"], ["attracts birds"]],
      [x(FQ, WEAK_FQ)], ["nutshell", "downsides"]),
    Q("rs-ov-06", "overview", "What's the main takeaway of the report's conclusions?",
      "Kestrel yields substantially more than Sefton under water shortage and about the same with full irrigation; it is recommended below about 450 mm of water a season.",
      [["substantially more"], ["450 mm"]],
      [x(TR, "Kestrel yields substantially more than Sefton under water shortage and about the same under full irrigation, with earlier maturity and better standing ability."),
       x(TR, RECOMMEND_TR)], ["takeaway"]),
    # --- attribution ----------------------------------------------------------------------------
    Q("rs-at-01", "attribution", "Who led the 2019 pilot trial?",
      "Maren Olufsen.",
      [["Maren Olufsen"]],
      [x(EN, PILOT_EN)]),
    Q("rs-at-02", "attribution", "Who was in charge of the irrigation schedules?",
      "Amos Deveraux, at all three sites.",
      [["Amos Deveraux"]],
      [x(TR, "We thank the station staff at Brakvlei, Mossgiel and Tarrant Downs, and Amos Deveraux, who managed the irrigation schedules at all three sites.")],
      ["in charge"]),
    Q("rs-at-03", "attribution", "Who called Kestrel \"the first variety bred for the seasons we actually have\"?",
      "The Varrow Growers' Union, in a statement in 2022.",
      [["Varrow Growers' Union"]],
      [x(EN, "The Varrow Growers' Union called Kestrel \"the first variety bred for the seasons we actually have\" in a statement in 2022.")]),
    Q("rs-at-04", "attribution", "Which kid came up with the name Kestrel?",
      "Noor Haddad, then aged eleven, in a competition among the basin's school pupils in 2020.",
      [["Noor Haddad"]],
      [x(EN, "The name was chosen in 2020 in a competition held among the pupils of the basin's schools; the winning entry was sent in by Noor Haddad, then aged eleven.")],
      ["kid", "came up with"]),
    Q("rs-at-05", "attribution", "Who made the cross that Kestrel comes from?",
      "Lindiwe Mokoena, in 2014, then a doctoral student at the University of Eastmoor.",
      [["Lindiwe Mokoena"]],
      [x(EN, CROSS)]),
    Q("rs-at-06", "attribution", "According to the botanist Pieter Vos, what was remarkable about Mabele Red?",
      "It \"kept its leaves green long after the neighbouring fields had burnt off\".",
      [["kept its leaves green"]],
      [x(EN, "The maternal parent, the landrace Mabele Red, was collected in 1998 by a seed-collecting expedition led by the botanist Pieter Vos, who noted that it \"kept its leaves green long after the neighbouring fields had burnt off\".")]),
    # --- multi-document -------------------------------------------------------------------------
    Q("rs-md-01", "multi_doc", "Which birds damage Kestrel, and did the trial measure that damage?",
      "Weaver birds (encyclopedia article); the trial did not assess bird damage (a limitation).",
      [["weaver birds"], ["assess bird damage"]],
      [x(EN, WEAVER), x(TR, BIRDS_TR)]),
    Q("rs-md-02", "multi_doc", "How many days does Kestrel take to mature, and how much earlier than Sefton was it ready for harvest in the trial?",
      "About 105 days (article); 9 days earlier than Sefton in the trial.",
      [["105 days"], ["harvest 9 days"]],
      [x(EN, FLOWERS_EN), x(TR, PHENOLOGY)]),
    Q("rs-md-03", "multi_doc", "How much seed do I need per hectare, and what will a bag set me back?",
      "8 kg per hectare; a 10 kg bag costs 46 varos (2025 season).",
      [["8 kg"], ["46 varos"]],
      [x(EN, "The Halvern Institute recommends a sowing rate of 8 kg of seed per hectare and a row spacing of 0.75 m."),
       x(FQ, BAG)], ["set me back"]),
    Q("rs-md-04", "multi_doc", "In which district does the article advise against growing Kestrel in low-lying parts, and what soil did the trial site there have?",
      "Mossgiel; the trial site at Mossgiel is clay loam.",
      [["Mossgiel"], ["clay loam"]],
      [x(EN, WATERLOGGED), x(TR, "Mossgiel: clay loam, 520 mm;")]),
    Q("rs-md-05", "multi_doc", "Who paid for the big trial, and how much more grain did Kestrel give when water was very short?",
      "The Varrow Basin Water Board and the Halvern Institute; 49% more than Sefton under severe deficit.",
      [["Varrow Basin Water Board"], ["49%"]],
      [x(FQ, "The Varrow Basin Water Board and the Halvern Institute."), x(TR, SEVERE)],
      ["paid for"]),
    Q("rs-md-06", "multi_doc", "Where has Kestrel been adopted fastest, and what is the long-term seasonal rainfall at that trial site?",
      "Around Tarrant Downs, in the drier southern districts; 360 mm.",
      [["Tarrant Downs"], ["360 mm"]],
      [x(EN, "Adoption has been fastest in the drier southern districts around Tarrant Downs."),
       x(TR, "Tarrant Downs: loamy sand, 360 mm.")]),
    Q("rs-md-07", "multi_doc", "When was the trial report published, and how much water does the growers' sheet say Kestrel saves?",
      "14 August 2025; about 19% less water than Sefton for the same grain.",
      [["August 2025"], ["19%"]],
      [x(TR, "Published 14 August 2025."), x(FQ, WATER_FQ)]),
    Q("rs-md-08", "multi_doc", "Where was the 2019 pilot held, and what are that site's soil and rainfall?",
      "At Brakvlei: sandy loam, long-term mean seasonal rainfall 410 mm.",
      [["Brakvlei"], ["sandy loam"], ["410 mm"]],
      [x(EN, "In 2019 the best of them, KR-47, was compared with Sefton in a pilot trial at Brakvlei."),
       x(TR, "Brakvlei Research Station: sandy loam, long-term mean seasonal rainfall 410 mm;")]),
    # --- disagreement ---------------------------------------------------------------------------
    Q("rs-dg-01", "disagreement", "Does Kestrel really need 30% less water than Sefton, as the encyclopedia article says?",
      "No: the 30% came from the single-site 2019 pilot and is outdated; the 2023-2024 trial measured 19% (95% CI 12 to 26%).",
      [["19%"], ["outdated"]],
      [x(EN, WATER_EN), x(FQ, OUTDATED), x(TR, WATER_RESULT)]),
    Q("rs-dg-02", "disagreement", "The article and the growers' sheet give different water savings for Kestrel. Which figure should I trust?",
      "19%, from the 2023-2024 trial; the 30% figure from the 2019 pilot is outdated.",
      [["19%"]],
      [x(FQ, OUTDATED), x(FQ, WATER_FQ)], ["trust"]),
    Q("rs-dg-03", "disagreement", "Is Kestrel resistant to anthracnose?",
      "The encyclopedia article says so, but the field trial found no real difference from Sefton (12% against 14% of plants): the resistance was not confirmed.",
      [["not confirmed", "no real difference"]],
      [x(EN, ANTHRAC_EN), x(TR, ANTHRAC_TR), x(FQ, DISEASE_FQ)]),
    Q("rs-dg-04", "disagreement", "Do the documents agree on whether Kestrel fights off disease?",
      "No: the article calls it resistant to anthracnose, but the trial report and the growers' sheet say the field trial found no real difference from Sefton.",
      [["resistant to anthracnose"], ["no real difference", "not confirmed"]],
      [x(EN, ANTHRAC_EN), x(TR, ANTHRAC_TR), x(FQ, DISEASE_FQ)], ["fights off"]),
    # --- comparison -----------------------------------------------------------------------------
    Q("rs-cmp-01", "comparison", "How did Kestrel's yield compare with Sefton's under moderate deficit irrigation?",
      "17% more (95% CI 9 to 25%): 3.58 against 3.05 t/ha.",
      [["17%"]],
      [x(TR, "Under moderate deficit the advantage over Sefton was 17% (95% CI 9 to 25%, p < 0.001).")]),
    Q("rs-cmp-02", "comparison", "How did Kestrel do against Marula 3 under severe deficit?",
      "It out-yielded Marula 3 by 35%.",
      [["35%"]],
      [x(TR, "Under severe deficit it out-yielded Sefton by 49% (95% CI 38 to 61%, p < 0.001) and Marula 3 by 35%.")]),
    Q("rs-cmp-03", "comparison", "How many kilos of grain do Kestrel and Sefton make per cubic metre of water?",
      "Kestrel 0.71 kg, Sefton 0.58 kg (across the two deficit regimes).",
      [["0.71"], ["0.58"]],
      [x(TR, "Across the two deficit regimes Kestrel produced 0.71 kg of grain per cubic metre of water, against 0.58 kg for Sefton.")],
      ["kilos"]),
    Q("rs-cmp-04", "comparison", "Which is taller, Kestrel or Sefton?",
      "Sefton: 1.62 m at maturity, against 1.34 m for Kestrel.",
      [["1.62 m"], ["1.34 m"]],
      [x(TR, HEIGHT)], ["taller"]),
    Q("rs-cmp-05", "comparison", "How does Kestrel's grain protein compare with Sefton's?",
      "10.8% against 11.3%: slightly lower, a small but significant difference.",
      [["10.8%"], ["11.3%"]],
      [x(TR, "Grain protein content was 10.8% for Kestrel and 11.3% for Sefton.")]),
    Q("rs-cmp-06", "comparison", "How does the water saving measured in the three-site trial compare with the 2019 pilot's figure?",
      "19% less water per tonne of grain, well below the 30% reported from the pilot.",
      [["19%"], ["30%"]],
      [x(TR, WATER_RESULT), x(TR, PILOT_TR)]),
    Q("rs-cmp-07", "comparison", "Which of the three trial sites gets the least rainfall, and which the most?",
      "Tarrant Downs the least (360 mm), Mossgiel the most (520 mm).",
      [["Tarrant Downs"], ["Mossgiel"]],
      [x(TR, "Mossgiel: clay loam, 520 mm;"), x(TR, "Tarrant Downs: loamy sand, 360 mm.")]),
    Q("rs-cmp-08", "comparison", "What did Kestrel and Sefton yield at Tarrant Downs in 2023 under severe deficit?",
      "2.05 t/ha for Kestrel against 1.21 t/ha for Sefton, the largest advantage in the trial.",
      [["2.05"], ["1.21"]],
      [x(TR, "The largest advantage was at Tarrant Downs in 2023, where Kestrel yielded 2.05 t/ha under severe deficit against 1.21 t/ha for Sefton.")]),
    Q("rs-cmp-09", "comparison", "Did Kestrel beat Sefton at every site and in both years?",
      "The ranking of the varieties was the same at all three sites and in both seasons.",
      [["same at all three sites"]],
      [x(TR, "The ranking of the varieties was the same at all three sites and in both seasons.")],
      ["beat"]),
    # --- false premises -------------------------------------------------------------------------
    Q("rs-fp-01", "false_premise", "Why did Kestrel yield less than Sefton under severe deficit irrigation?",
      "It did not: it yielded 2.41 t/ha against 1.62 t/ha, an advantage of 49%.",
      [["49%"]],
      [x(TR, SEVERE)]),
    Q("rs-fp-02", "false_premise", "Since Kestrel is a GMO, which gene was put into it?",
      "None: Kestrel is not genetically modified; it was bred the conventional way and contains no genes from other species.",
      [["conventional way"]],
      [x(FQ, GM_FQ)], ["GMO"]),
    Q("rs-fp-03", "false_premise", "Why was the Mossgiel site abandoned after the hail?",
      "It was not: the hail hit Tarrant Downs (9 February 2024), where 12 plots were excluded.",
      [["Tarrant Downs"]],
      [x(TR, HAIL)]),
    Q("rs-fp-04", "false_premise", "As Kestrel is a hybrid, do I have to buy new seed every year?",
      "No: Kestrel is open-pollinated, not a hybrid, so seed kept from your own crop stays true to type; replace it every three to four years.",
      [["open-pollinated"]],
      [x(FQ, OPEN_FQ)], ["buy"]),
    # --- follow-ups -----------------------------------------------------------------------------
    Q("rs-fu-01", "follow_up", "And under full irrigation?",
      "Kestrel yielded 2% less than Sefton, a difference that was not significant.",
      [["2% less"]],
      [x(TR, FULL)],
      history=hist("What was Kestrel's yield advantage under severe deficit?",
                   "49% over Sefton (95% CI 38 to 61%).")),
    Q("rs-fu-02", "follow_up", "Where was she studying at the time?",
      "At the University of Eastmoor, as a doctoral student.",
      [["University of Eastmoor"]],
      [x(EN, CROSS)],
      history=hist("Who made the cross that produced Kestrel?", "Lindiwe Mokoena, in 2014.")),
    Q("rs-fu-03", "follow_up", "How many plots were lost?",
      "12 plots (the blocks of replicates 3 and 4).",
      [["12 plots"]],
      [x(TR, HAIL)],
      history=hist("Which trial site was hit by hail?", "Tarrant Downs, in the 2024 season.")),
    Q("rs-fu-04", "follow_up", "And what was the other check variety?",
      "Marula 3, an early-maturing variety released in 2016.",
      [["Marula 3"]],
      [x(TR, "Kestrel (KR-47) was compared with Sefton, the most widely grown variety in the basin since 2009, and with Marula 3, an early-maturing variety released in 2016.")],
      history=hist("What is Sefton?",
                   "The most widely grown sorghum variety in the Varrow Basin since 2009, one of the trial's check varieties.")),
    Q("rs-fu-05", "follow_up", "How much will a bag set me back?",
      "46 varos for a 10 kg bag in the 2025 season.",
      [["46 varos"]],
      [x(FQ, BAG)], ["set me back"],
      history=hist("Where can I get Kestrel seed?",
                   "From the district cooperatives; certified seed is produced by the Halvern Seed Unit.")),
    Q("rs-fu-06", "follow_up", "What were the results there?",
      "Not given: the results from the Selwe Valley are expected in 2026.",
      history=hist("Is Kestrel being tested outside the Varrow Basin?",
                   "Yes, it was entered for testing in the neighbouring Selwe Valley in 2024.")),
    Q("rs-fu-07", "follow_up", "Why does the trial report think that figure was too high?",
      "The pilot covered a single site in an unusually hot season.",
      [["single site"], ["unusually hot season"]],
      [x(TR, PILOT_TR)],
      history=hist("What did the 2019 pilot report about water use?",
                   "That KR-47 needed about 30% less water than Sefton for the same grain yield.")),
    Q("rs-fu-08", "follow_up", "Does Kestrel fall over less than Sefton, and why?",
      "Yes: 4% of plants against 11%, which the authors attribute to its shorter stems.",
      [["4%"], ["shorter stems"]],
      [x(TR, LODGING)], ["fall over"],
      history=hist("What does lodging mean in the trial report?",
                   "The share of plants leaning more than 45 degrees from upright.")),
    # --- unanswerable ---------------------------------------------------------------------------
    Q("rs-un-01", "unanswerable", "What did Kestrel yield at Mossgiel in 2024?",
      "Not given: site-by-season yields are given only for Tarrant Downs in 2023."),
    Q("rs-un-02", "unanswerable", "How much money did the Water Board put into the trial?",
      "Not given: only the grant number (VBWB-2022-114) is stated.", terms=["money"]),
    Q("rs-un-03", "unanswerable", "What was the p-value for Kestrel's advantage over Marula 3?",
      "Not given: only the 35% advantage is reported, without a p-value or interval."),
    Q("rs-un-04", "unanswerable", "Does Kestrel taste different from Sefton?",
      "Not given: the documents only mention pale flour and protein content.", terms=["taste"]),
    Q("rs-un-05", "unanswerable", "How did Kestrel yield under furrow irrigation?",
      "Not given: the trial used drip irrigation; the report only says the results may overstate furrow performance."),
    Q("rs-un-06", "unanswerable", "What grain yield did Kestrel reach in the 2019 pilot?",
      "Not given: only the pilot's 30% water figure is reported."),
    Q("rs-un-07", "unanswerable", "What's the price of Kestrel seed for the 2026 season?",
      "Not given: only the 2025 price (46 varos per 10 kg bag) is stated.", terms=["price"]),
    Q("rs-un-08", "unanswerable", "Which public breeding programme supplied the HX-9 line?",
      "Not given: the article says only that it came from a public breeding programme in 2006."),
    Q("rs-un-09", "unanswerable", "How many hectares of Sefton are grown in the basin?",
      "Not given: only Kestrel's area (18,500 hectares, 22%) is stated."),
    Q("rs-un-10", "unanswerable", "Is Kestrel flour good for making bread?",
      "Not given: milling quality was not tested; the article only says the flour is pale.", terms=["bread"]),
    Q("rs-un-11", "unanswerable", "What fertiliser rate is recommended for Kestrel?",
      "Not given: fertiliser is not mentioned."),
    Q("rs-un-12", "unanswerable", "How does Kestrel hold up in a heatwave?",
      "Not given: only water shortage is studied; the pilot season is merely called unusually hot.", terms=["heatwave"]),
    Q("rs-un-13", "unanswerable", "How badly was the trial affected by striga?",
      "Not given: striga is not mentioned."),
    Q("rs-un-14", "unanswerable", "When did Rafael Quintero join the Halvern Institute?",
      "Not given: he is only listed as an author."),
    Q("rs-un-15", "unanswerable", "How many kids entered the naming competition?",
      "Not given: only the winner, Noor Haddad, is named.", terms=["kids"]),
    Q("rs-un-16", "unanswerable", "What is Kestrel's thousand-grain weight?",
      "Not given: grain weight is not reported."),
    Q("rs-un-17", "unanswerable", "How much did Kestrel yield in the Selwe Valley?",
      "Not given: results there are expected in 2026."),
    Q("rs-un-18", "unanswerable", "Which insects attack Kestrel?",
      "Not given: pests are not discussed.", terms=["insects"]),
    Q("rs-un-19", "unanswerable", "How much did Kestrel yield in rain-fed fields?",
      "Not given: the trial was irrigated; the report only warns the results may overstate rain-fed performance."),
    Q("rs-un-20", "unanswerable", "What is the telephone number of the Water Board's information line?",
      "Not given: no contact details are listed."),
    Q("rs-un-21", "unanswerable", "How many farmers grow Kestrel?",
      "Not given: only the area (18,500 hectares) and share (22%) are stated.", terms=["farmers"]),
    Q("rs-un-22", "unanswerable", "What was the rainfall at Brakvlei in the 2024 season?",
      "Not given: only the long-term mean (410 mm) is stated."),
    Q("rs-un-23", "unanswerable", "Who is the director of the Halvern Institute?",
      "Not given: no director is named."),
]  # fmt: skip

EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms}


def build(write: bool = True) -> list[dict]:
    docs = corpus_docs("research")
    return finish("research", [q.to_item(docs) for q in NEW], EVERYDAY_TERMS, write)


if __name__ == "__main__":
    build()
