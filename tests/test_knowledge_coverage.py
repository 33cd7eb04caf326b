"""The shipped knowledge base covers every topic of the export taxonomy, with sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.config import MatcherConfig
from bot.knowledge import load_knowledge

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

# The topic ids of the taxonomy the product is measured against (shared/topics.yaml).
TOPIC_IDS = (
    "langkah-awal-ekspor",
    "nib-oss",
    "npwp-badan-usaha",
    "eksportir-terdaftar-lartas",
    "kode-hs",
    "peb-ceisa",
    "pemeriksaan-pabean",
    "ekspor-barang-kiriman",
    "bea-keluar",
    "ppn-ekspor",
    "dhe-sda",
    "ska-coo",
    "halal-self-declare",
    "halal-reguler",
    "halal-ekspor",
    "izin-edar-bpom-pirt",
    "ske-bpom",
    "sni",
    "iso-9001",
    "keamanan-pangan-haccp",
    "uji-tekstil",
    "kemasan-label-ekspor",
    "kemasan-plastik",
    "kemasan-kayu-ispm15",
    "karantina-tumbuhan",
    "karantina-hewan-ikan",
    "incoterms",
    "harga-ekspor",
    "metode-pembayaran",
    "penipuan-ekspor",
    "pembiayaan-ekspor",
    "cpne-desa-devisa",
    "asuransi-ekspor",
    "dokumen-pengapalan",
    "forwarder-lcl-fcl",
    "kirim-sampel",
    "merek-luar-negeri",
    "pasar-amerika",
    "pasar-eropa-eudr",
    "pasar-eropa-pangan",
    "pasar-china",
    "pasar-jepang",
    "pasar-timur-tengah",
    "pasar-australia",
    "cari-buyer-perwakilan",
    "inaexport",
    "pameran-dagang",
    "pemasaran-digital",
    "katalog-profil-inggris",
    "koperasi-agregator",
    "pendampingan-pemerintah",
    "kontrak-proforma",
)


def test_every_topic_has_an_entry_with_its_id() -> None:
    kb = load_knowledge(KNOWLEDGE, MatcherConfig())
    missing = [topic for topic in TOPIC_IDS if topic not in kb.entries]
    assert missing == []


def test_every_entry_names_official_https_sources_and_a_review_date() -> None:
    kb = load_knowledge(KNOWLEDGE, MatcherConfig())
    for entry in kb.entries.values():
        assert entry.sources, entry.id
        assert all(source.url.startswith("https://") for source in entry.sources), entry.id
        assert dt.date(2026, 1, 1) <= entry.reviewed <= dt.date.today(), entry.id
        assert len(entry.questions) >= 6, entry.id
