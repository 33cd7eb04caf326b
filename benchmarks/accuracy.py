"""How often the matcher does the right thing, next to two simple baselines, in one run.

    .venv/bin/python benchmarks/accuracy.py [--questions TSV] [--knowledge DIR] [--misses]
        [--held-out-misses]

The TSV has `question<TAB>accepted ids` (comma-separated; NONE = out of scope). Counting:

- top-1: an in-scope question is right when the bot answers directly (outcome `answer`)
  with an accepted id; an out-of-scope question is right when the outcome is `unknown`.
- top-3: an in-scope question is right when an accepted id is the answer or among the
  suggestions; out-of-scope rows count as in top-1.
- out-of-scope rejection: share of NONE rows whose outcome is `unknown`.

Baselines see the same knowledge base: rapidfuzz WRatio of the question against every
stored question, and plain BM25 (no stemming, no vocabulary) over questions + answer. Each
is given the cut-off that is best for it on this very file (an unfair advantage), below
which it says "unknown"; its top-1 is its best entry, its top-3 its best three.

Our own question sets follow (benchmarks/questions/, written for this benchmark from the
topic list without looking at the knowledge base): fresh_a.tsv was used while tuning the
matcher, fresh_b.tsv only measured, off_topic.tsv (all NONE) checks rejection (and was
looked at while tuning). fresh_c.tsv and off_topic_b.tsv were added later, measured first
at commit 03d3406 and never looked at question by question. The fifth session added
fresh_d to fresh_k, each measured first and its misses read afterwards, except fresh_j:
- fresh_d (124 rows; first at 066a3cf: 91.9% top-1, 96.0% top-3, 17/20 rejected) and
  fresh_e (124; db0838a: 91.9 / 95.2 / 16 of 20): chat questions on every topic;
- fresh_f (76; 52fde49: 80.3 / 84.2 / 10 of 14): one- and two-word questions, Javanese
  krama and Sundanese, formal letters, long stories;
- fresh_g (79; cdb3d19: 72.2 / 82.3 / 11 of 14) and fresh_h (79; 810881f: 82.3 / 91.1 /
  12 of 14): products and destinations. fresh_h, written after the fixes fresh_g led to,
  also showed that a BM25 second opinion on near ties tried in between (db0838a) had
  cost these questions what it gained elsewhere, so it was taken out again;
- fresh_i (116; d10cc03: 94.8 / 97.4 / 11 of 12): the finer facts of every topic;
- fresh_j (116; ba750bd: 94.0 / 97.4 / 11 of 12, the same as at the session's start
  066a3cf): in the style of the development file, measured only, never read;
- fresh_k (66; 22913a5: 86.4 / 92.4 / 6 of 8): long, story-like questions;
- off_topic_c (40 near-domain off-topic questions; 64a1389: 34 of 40 rejected).
Later sessions added:
- fresh_m (130 rows; chat questions on every topic, its first figures were lost with the
  session that wrote it; at db1cddf 96.2 / 98.5 / 13 of 15, already looked at);
- fresh_o (120; db1cddf: 81.7 / 90.8 / 13 of 15, better baseline 75.0): everyday
  descriptions instead of official terms ("surat asal barang", "nomor izin usaha yang
  online"), misspelt terms, mixed registers;
- fresh_p (125; f142212: 96.8 / 96.8 / 19 of 20, better baseline 82.4): chat, stories
  naming a product, formal letters, English and regional words mixed in;
- fresh_q (125; 13a94d9: 90.4 / 93.6 / 16 of 20, better baseline 81.6): concrete cases
  with numbers and places, two-to-six-word questions, problems described without their
  official term, regional offices asking for their UMKM, simple English. One of its
  questions (vanilla to France) was seen in a diff before this first measurement.
- off_topic_d (80 near-domain off-topic questions; 0de9160: 70 of 80 rejected).
- fresh_r (125; a35d183: 96.8 / 97.6 / 13 of 15, better baseline 91.2): in the style of
  the development file, many official acronyms, a quarter with two accepted ids.
- fresh_s (125; a00fade: 96.8 / 99.2 / 20 of 20, better baseline 78.4): chat with typos,
  chat abbreviations and Javanese/Sundanese particles, a third describing the need
  instead of naming the document.
- fresh_t (125; a00fade: 93.6 / 96.8 / 18 of 20, better baseline 78.4): formal letters,
  problem situations, comparisons, yes/no questions on one fact, a country and a product.
  One question of each of these two was seen in a diff before this first measurement.
- fresh_u (125; 2ae0ff7: 89.6 / 92.8 / 16 of 20, better baseline 73.6): search-box
  queries of two to six words, chat with slang, the finer facts in the user's own words,
  some English.
- fresh_v (125; 2ae0ff7: 87.2 / 92.0 / 14 of 20, better baseline 80.0): regional office
  staff asking for the UMKM they coach, owners telling their story first, young sellers
  mixing Indonesian and English.
- fresh_w (125; 891dcf5: 94.4 / 98.4 / 14 of 15, better baseline 84.8): telling
  neighbouring topics apart by the fact that separates them.
- off_topic_e (80 hard off-topic questions sharing words with the base; 891dcf5: 72 of 80
  rejected).
- fresh_x (125; 9546b35: 88.8 / 89.6 / 14 of 20, better baseline 76.8): every style
  mixed; measured only, never read question by question, like fresh_b, fresh_c and fresh_j.
- fresh_y (125; f95e7a2: 80.0 / 85.6 / 16 of 20, better baseline 68.0): needs told in
  everyday words without the official term, misspelt terms, regional Indonesian.
- fresh_aa (125; 15425fc: 95.2 / 95.2 / 16 of 20, better baseline 84.8): how people type
  on a phone: dictation without punctuation, terse keywords, heavy abbreviations, English
  mixed in, follow-ups, formal letters to an office.
- fresh_z (125; 659bd04: 89.6 / 95.2 / 18 of 20, better baseline 82.4): owners of one
  kind of business (coffee, seafood, rattan, batik, jamu, honey…) asking through their
  product.
- off_topic_f (80 hard off-topic questions: domestic permits, taxes and shipping, travel,
  loans, marketplaces; 659bd04: 72 of 80 rejected).
- fresh_ab (125; 103fdea: 94.4 / 96.0 / 18 of 20, better baseline 82.4): follow-ups after
  a regional export socialisation, regional particles from outside Java (Minang, Medan,
  Makassar, Banjar, Manado), English mixed in, everyday words for official terms; written
  blind from the topic list by a helper that never saw the knowledge base.
- off_topic_g (80 hard off-topic questions written blind by a helper; 275a0a8: 71 of 80
  rejected).
- fresh_ad (125; e278d2f: 98.4 / 98.4 / 19 of 20, better baseline 80.8): requests a foreign
  buyer drives, questions built on a wrong assumption, terse queries, chat with slang and
  English, long stories naming a product and a country; written blind from the topic list
  by a helper that never saw the knowledge base.
- fresh_ae (125; 31f3a3e: 92.0 / 94.4 / 18 of 20, better baseline 75.2): needs described
  in everyday words by owners who do not know the official term, chat with slang and
  typos, formal requests, stories naming a product and a country; written blind like
  fresh_ad.
- fresh_af (125; ffddf57: 95.2 / 98.4 / 20 of 20, better baseline 78.4): search-box
  queries, chat with slang and regional particles, questions built on a misunderstanding,
  concrete cases with numbers, formal requests from regional offices; written blind like
  fresh_ad.
- fresh_ag (125; 13f7483: 89.6 / 96.0 / 18 of 20, better baseline 79.2): voice-to-text
  transcriptions, cooperatives and agents asking for members, two-part questions, wrong or
  descriptive names for documents, frantic problem messages, slangy chat; written blind
  like fresh_ad.
- fresh_ah (125; e43f5bd: 96.8 / 99.2 / 19 of 20, better baseline 84.8): Jakarta
  code-mixing, myth checks, costs, durations and numbers, first-timers naming a product
  and a region, heavy shorthand, formal letters from cooperatives and offices; written
  blind like fresh_ad.
- fresh_ai (125; 6fe722a: 96.0 / 96.0 / 19 of 20, better baseline 80.0): problem
  reports, comparisons, documents and processes described without their names, Javanese
  and Sundanese particles, one- to three-word queries, run-on dictation; written blind
  like fresh_ad.
- fresh_aj (125; 55d7af5: 95.2 / 96.8 / 16 of 20, better baseline 82.4): unsure older
  owners, marketplace sellers going abroad, "is this rule still true" checks, the wrong
  office or document named, one product to one country, short follow-ups; written blind
  like fresh_ad.
- off_topic_h (80 hard off-topic questions written blind: domestic trade, importing,
  travel, loans, recipes, live prices, the bot itself, context-free follow-ups; b021b64:
  68 of 80 rejected).
- fresh_ak (125; 0bc8e06: 94.4 / 96.0 / 18 of 20, better baseline 84.0): East Java owners
  right after a socialisation, the speaker's words retold, one fact in everyday words,
  typos and Javanese particles, English mixed in, terse queries; written blind like
  fresh_ad.
- fresh_al (125; 7c65765: 97.6 / 98.4 / 18 of 20, better baseline 83.2): owners in
  Sumatra, Kalimantan and Sulawesi telling their situation first, needs without the
  official term, Medan, Minang, Makassar and Manado particles, yes/no checks on one fact,
  comparisons, some English; written blind like fresh_ad.
- fresh_am (125; 1b4c22f: 96.0 / 96.8 / 18 of 20, better baseline 87.2): relatives,
  cooperative and village staff, students and bank officers asking for someone else,
  "is it true that" checks, numbers and deadlines, one- to three-word queries and bare
  acronyms, English-heavy mixes, Betawi and Javanese words; written blind like fresh_ad.
- fresh_an (125; 14aca19: 96.0 / 98.4 / 18 of 20, better baseline 79.2): owners in
  Eastern Indonesia and women running home businesses, long stories before the question,
  beta/sa/katong/sonde particles, phone abbreviations, needs without the official term,
  short queries, some English; written blind like fresh_ad.
- fresh_ao (125; 73f9aba: 98.4 / 99.2 / 20 of 20, better baseline 78.4): what-if and
  consequence questions (penalties, missed deadlines, rejected shipments, mistakes already
  made), formal requests from offices and incubators, search-box queries, Jakarta slang
  with English, comparisons, numbers to check; written blind like fresh_ad.
- fresh_ap (125; 73f9aba: 97.6 / 98.4 / 19 of 20, better baseline 80.8): owners who have
  exported once and hit a snag or go a step further, buyers' and forwarders' words quoted
  in English, young exporters' code-mixing, terse queries, staff asking for the boss;
  written blind like fresh_ad.
- fresh_aq (125; 797d5d9: 97.6 / 98.4 / 18 of 20, better baseline 76.8): every question
  led by a product and sector (cosmetics, spices, seaweed, frozen fish, furniture, rattan,
  batik, coffee, honey, coconut, essential oils, ceramics), often with a country and a
  quantity, casual and formal, regional particles; written blind like fresh_ad.
- fresh_ar (125; 46a172a: 95.2 / 96.8 / 17 of 20, better baseline 71.2): people asking
  for someone else (grown children, KKN students, bank officers, village officials,
  spouses, returning migrant workers), a third mostly in English, polite "Bapak/Ibu"
  Indonesian, chat with typos, short queries, two questions at once; written blind like
  fresh_ad.
- fresh_as (125; 4ce456f: 97.6 / 100.0 / 20 of 20, better baseline 84.0): Sumatran owners
  (awak, ambo, cemana, bah) comparing two things ("bedanya X sama Y", "X atau Y") and
  checking one fact yes or no; written blind like fresh_ad.
- fresh_at (125; 4ce456f: 98.4 / 99.2 / 20 of 20, better baseline 78.4): young online
  sellers (Shopee, TikTok Shop) going global, heavy slang, English mid-sentence, emoji,
  chatter before the question; written blind like fresh_ad.
- fresh_au (125; 4ce456f: 93.6 / 97.6 / 18 of 20, better baseline 76.8): myths and hearsay
  to check ("katanya ... bener gak?", "di grup WA ada yang bilang"), Central Java, Bali,
  NTB and Kalimantan owners, formal and casual; written blind like fresh_ad.
- fresh_av (125; b5123cd: 96.0 / 100.0 / 20 of 20, better baseline 85.6): West Java and
  Banten owners with Sundanese particles (teh, atuh, euy, kumaha, abdi), asking the order
  of steps ("dulu X atau Y", "setelah X terus apa"); written blind like fresh_ad.
- fresh_aw (125; b5123cd: 92.8 / 96.0 / 16 of 20, better baseline 82.4): questions naming
  the portal, app or office (OSS, CEISA, SIHALAL, e-SKA, INATRADE, KPPBC, LPEI, PLUT),
  which menu, why an application is stuck, offices mixed up; written blind like fresh_ad.
- fresh_ax (125; 8ee9475: 94.4 / 96.0 / 16 of 20, better baseline 78.4): numbers, money
  and time (costs, validity, weight and value limits, loan ceilings, deadlines), often with
  the owner's own figures; written blind like fresh_ad.
- fresh_ay (125; 8ee9475: 96.8 / 99.2 / 19 of 20, better baseline 81.6): what a buyer,
  forwarder, bank, customs officer or curator asked for, quoted in English or jargon
  ("buyer minta COA", "butuh phyto", "minta Form E"); written blind like fresh_ad.
- fresh_az (125; 1116d0c: 92.8 / 96.8 / 19 of 20, better baseline 65.6): mostly the
  English of Indonesian owners ("how to make NIB?", "can or not"), Indonesian terms kept,
  a fifth switching to Indonesian halfway; written blind like fresh_ad.
- fresh_ba (125; 1116d0c: 96.0 / 97.6 / 17 of 20, better baseline 81.6): groups asking
  together (kelompok tani, KWT, KUB, cooperatives, BUMDes, pesantren, village
  facilitators), whose name to export under, pooled products; written blind like fresh_ad.
- fresh_bc (125; ff84548: 94.4 / 95.2 / 14 of 20, better baseline 81.6): questions
  centred on a destination, markets compared ("Jepang atau Korea?"), general topics asked
  with a country in mind, travel and living abroad as the off-topic rows; written blind
  like fresh_ad.
- fresh_bb (125; ff84548: 90.4 / 92.8 / 20 of 20, better baseline 80.0): extreme phone
  shorthand (dropped vowels, "sm2", stray spaces, autocorrect slips, misspelt acronyms),
  in three degrees; written blind like fresh_ad.
- fresh_bd (125; 476e6ed: 97.6 / 98.4 / 19 of 20, better baseline 86.4): quick chat from
  Jakarta, Banten and Java with moderate shorthand (some vowels dropped), Betawi and
  Javanese words, a third of three to seven words; written blind like fresh_ad.
- fresh_be (125; bf63741: 94.4 / 96.8 / 17 of 20, better baseline 84.8): the request
  ("tolong jelaskan", "buatkan daftar", "mohon dicek") buried in greetings, family news,
  praise and complaints, many of 40 to 57 words; written blind like fresh_ad.
- fresh_bf (125; 84c1513: 97.6 / 98.4 / 20 of 20, better baseline 84.8): island owners
  and traders in Sulawesi, Maluku, Papua, NTT and NTB (cloves, nutmeg, copra, tuna,
  seaweed, woven cloth), beta/katong/torang particles; written blind like fresh_ad.
- fresh_bg (125; fb3c1e2: 96.0 / 100.0 / 20 of 20, better baseline 81.6): planning ahead
  with a date, goal or budget ("mau ikut pameran bulan Maret, dari sekarang siapkan apa");
  written blind like fresh_ad.
- fresh_bh (125; fb3c1e2: 96.0 / 97.6 / 17 of 20, better baseline 88.0): questions citing
  a regulation, number or deadline, some half-remembered (PMK 4/2025, Decree 248, UCP
  600), a third with no number; written blind like fresh_ad.
- fresh_bi (125; fb3c1e2: 98.4 / 100.0 / 20 of 20, better baseline 84.0): do it myself or
  hand it to a forwarder, PPJK, aggregator, consultant or broker; written blind like
  fresh_ad.
- fresh_bk (125; ebd0fa2: 97.6 / 98.4 / 18 of 20, better baseline 85.6): one- to
  five-word chat-box queries (a bare term, a term with a product or country, an English
  keyword, a typo); written blind like fresh_ad.
- fresh_bj (125; 8708507: 99.2 / 100.0 / 20 of 20, better baseline 88.0): Kalimantan and
  Bali owners (ulun, pian, kamek, tiang, nggih), sasirangan, Martapura gems, Celuk silver,
  some tourism English; written blind like fresh_ad.
- fresh_bm (125; 1f83a98: 98.4 / 99.2 / 19 of 20, better baseline 88.8): one main
  question with a smaller side question ("trus sekalian", "oh iya", "btw"); written blind
  like fresh_ad, measured only, its misses not read.
- fresh_bl (125; 7bfe0de: 98.4 / 100.0 / 20 of 20, better baseline 81.6): every style
  mixed row by row, like a real inbox; written blind like fresh_ad, measured only, its
  misses not read.
- fresh_bn (125; fafdcc6: 94.4 / 96.8 / 18 of 20, better baseline 82.4): owners in
  eastern Indonesia in their everyday regional Indonesian (Makassar, Manado, Ambon,
  Kupang, Papua) naming local products; written blind like fresh_ad.
- fresh_bo (125; fafdcc6: 96.0 / 99.2 / 19 of 20, better baseline 84.0): each question
  names a neighbouring topic the asker already has or heard of beside the one asked about
  ("sudah punya X, lalu Y"); written blind like fresh_ad.
- fresh_bp (125; fafdcc6: 96.0 / 100.0 / 20 of 20, better baseline 80.8): a regional
  product by its everyday name (sambal roa, perak celuk, kain sasirangan) with a country
  or situation; written blind like fresh_ad, measured only, its misses not read.
- fresh_bq (125; fafdcc6: 97.6 / 98.4 / 19 of 20, better baseline 85.6): half-remembered
  official names ("PIB eh PEB", "SKA atau SKE"), documents described by their look or
  stamp, offices named loosely; written blind like fresh_ad.
- fresh_br (125; 45d9de8: 97.6 / 97.6 / 19 of 20, better baseline 86.4): personal and
  local context around the question (family, village, harvest, the office); written blind
  like fresh_ad, measured only, its misses not read.
- fresh_bs (125; 45d9de8: 88.8 / 97.6 / 20 of 20, better baseline 77.6): the facts'
  specific details (a threshold, a fee, a deadline, a form, an exception) asked in the
  asker's own situation; written blind like fresh_ad.
- off_topic_i (80 hard off-topic questions written blind, in every neighbouring area;
  45d9de8: 68 of 80 rejected).
- fresh_bt (125; 9fc7c78: 92.8 / 96.8 / 18 of 20, better baseline 80.8): a pasted or
  retold text (a buyer's email, a forwarder's message, a portal error, an L/C clause, a
  rumour) and what it means; written blind like fresh_ad.
- fresh_bu (125; 9fc7c78: 92.8 / 99.2 / 19 of 20, better baseline 82.4): the asker's
  understanding to confirm, built on negation, exceptions and conditions ("berarti nggak
  perlu X kan?", "asal sudah Y, aman dong?"); written blind like fresh_ad.
- fresh_bv (125; 97ba1b7: 97.6 / 100.0 / 20 of 20, better baseline 76.8): a help desk's
  inbox on one busy day, every row another sender and style; written blind like fresh_ad,
  measured only, its misses not read.
- off_topic_j (80 hard off-topic questions written blind, many in regional Indonesian from
  outside Java; 97ba1b7: 66 of 80 rejected).
- fresh_bw (125; 3549010: 96.8 / 97.6 / 20 of 20, better baseline 85.6): hurried phone
  typing, abbreviations, words run together, autocorrect slips; written blind like
  fresh_ad, measured only, its misses not read.
- fresh_bx (125; dc943a0: 80.0 / 86.4 / 18 of 20, better baseline 72.8): raw phone
  voice-to-text, lowercase and unpunctuated, fillers kept, acronyms as heard ("en i be",
  "pe e be"), numbers in words, split words; written blind like fresh_ad.
- fresh_by (125; dc943a0: 92.8 / 96.0 / 18 of 20, better baseline 68.8): no official term
  at all, every need in plain everyday words ("cap dari kantor yang bilang barangnya asli
  Indonesia"); written blind like fresh_ad.
- fresh_bz (125; dc943a0: 96.8 / 100.0 / 20 of 20, better baseline 84.0): follow-ups after
  a sosialisasi, expo or business matching ("tadi narasumber bilang..."); written blind
  like fresh_ad, measured only, its misses not read.
- off_topic_k (80 hard off-topic questions written blind, sharing export words; dc943a0:
  74 of 80 rejected).
- fresh_ca (125; 7740b04: 100.0 / 100.0 / 20 of 20, better baseline 84.0): emphatic
  chat, some in capitals, letters held ("tolonggg"), emoji and "??!!", worried owners;
  written blind like fresh_ad, measured only, its misses not read.
- fresh_cb (125; 6482e6f: 93.6 / 96.0 / 20 of 20, better baseline 72.8; 79.2% top-1 at
  dc943a0, before spelt-out letters were read): voice typing by speakers from several
  regions, acronyms as the letters sound ("ha es kode"), numbers in words; written blind
  like fresh_ad, measured only, its misses not read.
- fresh_cc (125; 33cbfc3: 95.2 / 97.6 / 19 of 20, better baseline 76.0): urgent
  problems with a deadline (the container leaves tomorrow, a form rejected this morning,
  a shipment held at the port), hurried and specific; written blind like fresh_ad.
- fresh_cd (125; 33cbfc3: 95.2 / 98.4 / 19 of 20, better baseline 83.2): owners speaking
  their sector's trade jargon (frozen seafood, furniture, coffee and spices, herbal
  cosmetics, batik, snacks: grade, kiln dry, MOQ, lot, packing list); written blind like
  fresh_ad.
- fresh_ce (125; 33cbfc3: 99.2 / 100.0 / 20 of 20, better baseline 80.0): traders whose
  speech carries their community's words (cuan, haiya, lu/gua; antum, afwan, insyaAllah;
  awak, uda, bah); written blind like fresh_ad, measured only, its misses not read.
- off_topic_l (80 hard off-topic questions written blind, many in regional Indonesian or
  heavy slang; 33cbfc3: 76 of 80 rejected).
- fresh_cg (125; 09dd6ef: 94.4 / 98.4 / 20 of 20, better baseline 78.4): outdated or
  half-wrong names for systems, documents and rules (SIUP, TDP, e-SKA, BTKI 2017, UCP
  500, MUI halal, BKIPM); written blind like fresh_ad.
- fresh_ch (125; 09dd6ef: 99.2 / 100.0 / 20 of 20, better baseline 84.0): messages in a
  members' group chat, replies and mentions ("sama kayak pertanyaan pak Budi tadi"),
  quoted lines; written blind like fresh_ad, measured only, its misses not read.
- fresh_cf (125; 71db43d: 89.6 / 91.2 / 10 of 20, better baseline 85.6): very long
  messages of 70 to 150 words, a whole story of the business with the one real need
  buried in the middle; written blind like fresh_ad.
- fresh_ci (125; f288b33: 86.4 / 89.6 / 7 of 20, better baseline 89.6): long messages from
  owners outside Java, background first, half of them asking with "mohon info" or "saya
  ingin tahu" and no question mark; written blind like fresh_ad, measured only, its misses
  not read.
- fresh_cj (125; f288b33: 89.6 / 91.2 / 10 of 20, better baseline 89.6): long voice-note
  transcripts with almost no punctuation, fillers ("eee", "jadi gini") and misheard words;
  written blind like fresh_ad.
- fresh_ck (125; 55352ab: 87.2 / 89.6 / 8 of 20, better baseline 74.4): long voice-note
  transcripts from Sumatra, Kalimantan, Sulawesi, NTB and NTT, no punctuation, regional
  words ("sonde", "beta"); written blind like fresh_ad, measured only, its misses not read.
- fresh_cl (125; e347e3a: 92.0 / 95.2 / 14 of 20, better baseline 72.0): long voice-note
  transcripts from Bali, Maluku, Papua, Central and East Java and Aceh, no punctuation,
  misheard names ("en ai bi", "pe e be"); written blind like fresh_ad.
Each is shown with the better baseline on it, and so are all own sets together and the
sets never read (NEVER_READ below), the baseline then given one best cut-off for all. The
in-scope sets are then asked again with typos (one dropped, swapped or doubled letter in
some longer words, fixed seed), as hurried typing makes them.

A further check needs no outside questions: the base's own stored questions are split in
five folds; each fold is asked of a matcher (and of both baselines, at cut-off 0 since
every such question is in scope) built without it (held-out questions), and a fixed list
of off-topic questions written for this benchmark measures rejection.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import MatcherConfig, load_config  # noqa: E402
from bot.knowledge import Entry, KnowledgeBase, build_matcher, load_knowledge  # noqa: E402
from bot.matcher import Outcome  # noqa: E402

DEFAULT_QUESTIONS = ROOT.parent / "shared" / "dev_questions.tsv"
OWN_QUESTIONS = ROOT / "benchmarks" / "questions"
# Sets written blind and only ever measured: their misses were never listed or read.
NEVER_READ = (
    "fresh_bl", "fresh_bm", "fresh_bp", "fresh_br", "fresh_bv", "fresh_bw", "fresh_bz",
    "fresh_ca", "fresh_cb", "fresh_ce", "fresh_ch", "fresh_ci", "fresh_ck",
)

# Off-topic questions for the held-out check (our own; they share words with the base).
OFF_TOPIC = (
    "ceritakan lelucon yang lucu dong",
    "cara daftar BPJS kesehatan untuk keluarga",
    "kurs rupiah ke dolar hari ini berapa",
    "bea masuk kalau beli iPhone dari Singapura berapa",
    "resep rendang padang yang enak",
    "pacar saya marah terus, harus gimana",
    "jadwal kereta Surabaya ke Jakarta besok",
    "cara bikin SIM C baru",
    "prediksi skor bola malam ini",
    "harga emas antam hari ini",
    "cara main saham buat pemula",
    "lowongan kerja di Singapura untuk lulusan SMA",
    "cuaca Malang hari ini hujan gak",
    "cara mengurus paspor anak",
    "rekomendasi hp murah 2 jutaan",
    "cara bayar pajak kendaraan bermotor online",
    "bagaimana cara membuat KTP elektronik",
    "tips diet sehat untuk ibu menyusui",
    "berapa gaji PNS golongan 3",
    "cara daftar CPNS tahun ini",
    "film bioskop yang bagus minggu ini apa",
    "cara transfer uang ke luar negeri buat kuliah anak",
    "bea cukai rokok elektrik naik berapa persen",
    "tiket pesawat murah ke Jepang buat liburan",
    "cara impor barang dari China buat dijual lagi di Shopee",
    "pajak penghasilan karyawan dihitung gimana",
    "cara ganti password wifi indihome",
    "siapa presiden pertama Indonesia",
    "obat sakit kepala yang ampuh apa",
    "bagaimana cara mendaftar pernikahan di KUA",
    "kredit rumah KPR syaratnya apa saja",
    "cara klaim asuransi kesehatan rawat inap",
    "harga kontainer bekas buat dijadikan rumah",
    "visa kerja ke Australia gimana caranya",
    "kenapa kucing saya tidak mau makan",
    "buatkan puisi tentang hujan",
    "cara menanam cabai di polybag",
    "jam buka kantor pos hari minggu",
    "nilai tukar yen ke rupiah sekarang",
    "cara mengurus sertifikat tanah yang hilang",
)


def read_rows(path: Path) -> list[tuple[str, frozenset[str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if "\t" in line:
            question, ids = line.split("\t", 1)
            accepted = frozenset(i.strip() for i in ids.split(",") if i.strip() != "NONE")
            rows.append((question, accepted))
    return rows


Ranker = Callable[[str], list[tuple[float, str]]]  # best first, score 0..1


def wratio_ranker(entries: Sequence[Entry]) -> Ranker:
    texts = [q for e in entries for q in e.questions]
    owners = [e.id for e in entries for _ in e.questions]

    def rank(question: str) -> list[tuple[float, str]]:
        best: dict[str, float] = {}
        for _, score, i in process.extract(question, texts, scorer=fuzz.WRatio, limit=60,
                                           processor=utils.default_process):
            best.setdefault(owners[i], score / 100)
        return sorted(((s, i) for i, s in best.items()), reverse=True)

    return rank


def bm25_ranker(entries: Sequence[Entry], k1: float = 1.5, b: float = 0.75) -> Ranker:
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    docs = [Counter(words(" ".join(e.questions) + " " + e.answer)) for e in entries]
    lengths = [sum(d.values()) for d in docs]
    avg = sum(lengths) / len(lengths)
    df = Counter(t for d in docs for t in d)
    n = len(docs)
    idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def rank(question: str) -> list[tuple[float, str]]:
        terms = set(words(question))
        top = sum(idf.get(t, 0.0) * (k1 + 1) for t in terms) or 1.0  # normalise to 0..1
        scored = []
        for entry, doc, length in zip(entries, docs, lengths, strict=True):
            s = sum(idf[t] * doc[t] * (k1 + 1) / (doc[t] + k1 * (1 - b + b * length / avg))
                    for t in terms if t in doc)
            if s:
                scored.append((s / top, entry.id))
        return sorted(scored, reverse=True)

    return rank


def baseline_figures(rank: Ranker, rows: list[tuple[str, frozenset[str]]]) -> dict[str, float]:
    ranked = [rank(q) for q, _ in rows]
    best = None
    for step in range(0, 101):
        cut = step / 100
        top1 = top3 = rejected = 0
        for (_, accepted), r in zip(rows, ranked, strict=True):
            kept = [i for s, i in r if s >= cut]
            if not accepted:
                rejected += not kept
                top1 += not kept
                top3 += not kept
            else:
                top1 += bool(kept) and kept[0] in accepted
                top3 += bool(accepted & set(kept[:3]))
        figures = {"top1": top1, "top3": top3, "rejected": rejected, "cut": cut}
        if best is None or top1 > best["top1"]:
            best = figures
    assert best is not None
    return best


def matcher_figures(
    outcome_of: Callable[[str], Outcome], rows: list[tuple[str, frozenset[str]]],
    misses: list[str] | None = None,
) -> dict[str, float]:
    top1 = top3 = rejected = answered_wrong = missed_in_scope = 0
    for question, accepted in rows:
        o = outcome_of(question)
        offered = {o.entry_id, *o.suggestions} - {None}
        if not accepted:
            ok1 = ok3 = o.kind == "unknown"
            rejected += ok1
        else:
            ok1 = o.kind == "answer" and o.entry_id in accepted
            ok3 = bool(accepted & offered)
            answered_wrong += o.kind == "answer" and not ok1
            missed_in_scope += o.kind == "unknown"
        top1 += ok1
        top3 += ok3
        if misses is not None and not ok1:
            got = o.entry_id or ",".join(o.suggestions) or "-"
            want = ",".join(sorted(accepted)) or "NONE"
            misses.append(f"  {o.kind:7} {o.score:.2f} want {want:28} got {got:40} | {question}")
    return {"top1": top1, "top3": top3, "rejected": rejected,
            "answered_wrong": answered_wrong, "missed_in_scope": missed_in_scope}


def pct(part: float, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


TYPO_SHARE = 0.3


def with_typos(rows: list[tuple[str, frozenset[str]]], seed: int = 1,
               ) -> list[tuple[str, frozenset[str]]]:
    """`rows` with one slip in some longer words, as hurried typing makes them."""
    rng = random.Random(seed)

    def slip(word: str) -> str:
        if len(word) < 6 or not word.isalpha() or rng.random() > TYPO_SHARE:
            return word
        i = rng.randrange(1, len(word) - 1)
        kind = rng.choice("dsw")
        if kind == "d":
            return word[:i] + word[i + 1:]
        if kind == "s":
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return word[:i] + word[i] + word[i:]

    return [(" ".join(slip(w) for w in q.split()), a) for q, a in rows]


def held_out(
    kb: KnowledgeBase, config: MatcherConfig, folds: int = 5, misses: list[str] | None = None,
) -> dict[str, float]:
    """Each fold of stored questions asked of a matcher (and baselines) built without it."""
    entries = list(kb.entries.values())
    top1 = top3 = asked = bm25_top1 = wratio_top1 = 0
    for fold in range(folds):
        kept = [replace(e, questions=tuple(q for j, q in enumerate(e.questions)
                                           if j % folds != fold) or e.questions[:1])
                for e in entries]
        matcher = build_matcher(kept, kb.vocabulary, config)
        bm25, fuzzy = bm25_ranker(kept), wratio_ranker(kept)
        for e in entries:
            for j, q in enumerate(e.questions):
                if j % folds == fold and len(e.questions) > 1:
                    o = matcher.answer(q)
                    asked += 1
                    ok = o.kind == "answer" and o.entry_id == e.id
                    top1 += ok
                    top3 += e.id in {o.entry_id, *o.suggestions}
                    # Every held-out question is in scope: a baseline's best cut-off is 0.
                    bm25_top1 += bool(r := bm25(q)) and r[0][1] == e.id
                    wratio_top1 += bool(r := fuzzy(q)) and r[0][1] == e.id
                    if misses is not None and not ok:
                        got = o.entry_id or ",".join(o.suggestions) or "-"
                        misses.append(f"  {o.kind:7} {o.score:.2f} want {e.id:28} "
                                      f"got {got:40} | {q}")
    rejected = sum(kb.answer(q).kind == "unknown" for q in OFF_TOPIC)
    return {"asked": asked, "top1": top1, "top3": top3, "rejected": rejected,
            "bm25_top1": bm25_top1, "wratio_top1": wratio_top1}


def print_set(
    name: str, rows: list[tuple[str, frozenset[str]]], answer: Callable[[str], Outcome],
    rankers: Sequence[Ranker],
) -> None:
    """One own set's line, and the better baseline's under it unless all rows are NONE."""
    k, k_none = len(rows), sum(not a for _, a in rows)
    f = matcher_figures(answer, rows)
    print(f"{name:28}{pct(f['top1'], k):>8}{pct(f['top3'], k):>8}"
          f"{pct(f['rejected'], k_none):>14}{k:>6}")
    if k == k_none:  # only off-topic rows: a baseline that refuses everything wins
        return
    base = max((baseline_figures(rank, rows) for rank in rankers), key=lambda b: b["top1"])
    label = f"  better baseline @{base['cut']:.2f}"
    lead = 100 * (f["top1"] - base["top1"]) / k
    print(f"{label:28}{pct(base['top1'], k):>8}{pct(base['top3'], k):>8}"
          f"{pct(base['rejected'], k_none):>14}   matcher lead {lead:+.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--config", type=Path, default=ROOT / "config.yaml")
    parser.add_argument("--misses", action="store_true", help="list every top-1 miss")
    parser.add_argument("--held-out-misses", action="store_true",
                        help="list every held-out top-1 miss")
    args = parser.parse_args()

    config = load_config(args.config).matcher
    kb = load_knowledge(args.knowledge, config)
    rows = read_rows(args.questions)
    entries = list(kb.entries.values())
    n = len(rows)
    n_none = sum(not a for _, a in rows)
    unknown_ids = sorted({i for _, a in rows for i in a} - set(kb.entries))

    misses: list[str] = []
    ours = matcher_figures(kb.answer, rows, misses)
    rankers = (wratio_ranker(entries), bm25_ranker(entries))
    fuzzy, bm25 = (baseline_figures(rank, rows) for rank in rankers)

    print(f"knowledge base: {args.knowledge} ({len(entries)} entries)")
    print(f"questions: {args.questions} ({n} rows, {n - n_none} in scope, {n_none} NONE)")
    print(f"thresholds: answer {config.answer_threshold}, suggest "
          f"{config.suggest_threshold}, max suggestions {config.max_suggestions}")
    if unknown_ids:
        print(f"note: {len(unknown_ids)} accepted ids are not in the base: "
              f"{', '.join(unknown_ids)}")
    print("counting: top-1 = outcome 'answer' with an accepted id, or 'unknown' for NONE; "
          "top-3 = accepted id answered or suggested, or 'unknown' for NONE; baselines get "
          "their best cut-off on this file (@), below which they say unknown")
    print()
    print(f"{'':28}{'top-1':>8}{'top-3':>8}{'OOS rejected':>14}")
    print(f"{'matcher':28}{pct(ours['top1'], n):>8}{pct(ours['top3'], n):>8}"
          f"{pct(ours['rejected'], n_none):>14}")
    for name, f in (("baseline WRatio/questions", fuzzy), ("baseline BM25/q+answers", bm25)):
        label = f"{name} @{f['cut']:.2f}"
        print(f"{label:28}{pct(f['top1'], n):>8}{pct(f['top3'], n):>8}"
              f"{pct(f['rejected'], n_none):>14}")
    better = max(fuzzy["top1"], bm25["top1"])
    print(f"\nmatcher top-1 minus better baseline: "
          f"{100 * (ours['top1'] - better) / n:+.1f} points")
    in_scope = n - n_none
    print(f"in-scope answered with a wrong entry: {pct(ours['answered_wrong'], in_scope)}; "
          f"in-scope called out of scope: {pct(ours['missed_in_scope'], in_scope)}")

    print(f"\nown question sets ({OWN_QUESTIONS.relative_to(ROOT)}/):")
    print(f"{'':28}{'top-1':>8}{'top-3':>8}{'OOS rejected':>14}{'rows':>6}")
    for path in sorted(OWN_QUESTIONS.glob("*.tsv")):
        print_set(path.stem, read_rows(path), kb.answer, rankers)
    # All own sets as one file, and those whose misses were never read, each with the
    # better baseline given its one best cut-off over the whole of them.
    groups = (("all own sets together", sorted(OWN_QUESTIONS.glob("*.tsv"))),
              ("sets never read", [OWN_QUESTIONS / f"{name}.tsv" for name in NEVER_READ]))
    for name, paths in groups:
        together = [row for path in paths if path.exists() for row in read_rows(path)]
        print_set(name, together, kb.answer, rankers)

    print(f"\nthe same sets with typos (a dropped, swapped or doubled letter in "
          f"{TYPO_SHARE:.0%} of words of 6+ letters, fixed seed):")
    for path in sorted(OWN_QUESTIONS.glob("*.tsv")):
        own = read_rows(path)
        if all(not a for _, a in own):
            continue
        k, k_none = len(own), sum(not a for _, a in own)
        noisy = with_typos(own)
        f = matcher_figures(kb.answer, noisy)
        base = max((baseline_figures(rank, noisy) for rank in rankers),
                   key=lambda b: b["top1"])
        lead = 100 * (f["top1"] - base["top1"]) / k
        print(f"{path.stem + ' + typos':28}{pct(f['top1'], k):>8}{pct(f['top3'], k):>8}"
              f"{pct(f['rejected'], k_none):>14}{k:>6}   matcher lead {lead:+.1f}")

    held_misses: list[str] = []
    h = held_out(kb, config, misses=held_misses)
    asked = h["asked"]
    print(f"\nheld-out stored questions (5 folds, {asked} asked): "
          f"top-1 {pct(h['top1'], asked)}, top-3 {pct(h['top3'], asked)}; "
          f"baselines top-1: BM25 {pct(h['bm25_top1'], asked)}, "
          f"WRatio {pct(h['wratio_top1'], asked)}; "
          f"own off-topic list rejected {h['rejected']}/{len(OFF_TOPIC)}")
    if args.misses:
        print("\ntop-1 misses:")
        print("\n".join(misses))
    if args.held_out_misses:
        print("\nheld-out top-1 misses:")
        print("\n".join(held_misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
