"""Everything the bot says to people, in one place, so its whole voice can be read at once.

Texts are Telegram HTML. Placeholders are filled with `.format()`; every value that comes from a
user or from the knowledge base must be escaped with `bot.replies.esc` before it goes in.
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def date_id(day: dt.date) -> str:
    """A date the Indonesian way: '22 November 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def datetime_id(moment: dt.datetime) -> str:
    """'Sabtu, 5 Desember 2026 pukul 09.00'."""
    return f"{WEEKDAYS[moment.weekday()]}, {date_id(moment.date())} pukul {moment:%H.%M}"


# --- Start and help -------------------------------------------------------------------------

WELCOME = (
    "Halo, {name}! 👋\n\n"
    "Saya <b>Asisten Ekspor UMKM</b>. Saya membantu Anda memahami syarat ekspor: "
    "legalitas (NIB, NPWP), dokumen Bea Cukai, sertifikat (halal, BPOM, SNI, ISO), "
    "kemasan, SKA, pembiayaan, sampai cara mencari buyer.\n\n"
    "Tulis saja pertanyaan Anda, misalnya:\n"
    "• <i>Bagaimana cara membuat NIB untuk ekspor?</i>\n"
    "• <i>PEB itu apa?</i>\n"
    "• <i>Mau kirim kopi ke Jepang, dokumennya apa saja?</i>\n\n"
    "Saya juga memberi tahu acara ekspor di daerah Anda."
)
WELCOME_BUTTON_TOPICS = "📚 Daftar topik"
WELCOME_BUTTON_EVENTS = "📅 Acara ekspor"
WELCOME_BUTTON_HELP = "❓ Bantuan"

DISCLAIMER = (
    "Informasi dari bot ini bersifat panduan umum. Keputusan resmi tetap ada di instansi "
    "terkait (OSS, Bea Cukai, BPOM, BPJPH, Kemendag, dan lainnya)."
)
ANSWER_FOOTER = "<i>Panduan umum, bukan keputusan resmi. Pastikan ke instansi terkait.</i>"

HELP_HEADER = (
    "<b>Cara memakai bot ini</b>\n\n"
    "Tulis pertanyaan tentang ekspor dengan kata-kata Anda sendiri. Perintah yang tersedia:"
)
HELP_FOOTER = "\n<i>{disclaimer}</i>"

# Command descriptions for the Telegram menu and /bantuan, by audience.
COMMANDS_EVERYONE = (
    ("start", "Mulai dan lihat apa yang bisa dibantu"),
    ("bantuan", "Cara memakai bot dan daftar perintah"),
    ("topik", "Jelajahi topik ekspor"),
    ("acara", "Acara ekspor yang akan datang"),
    ("acaraku", "Acara yang Anda minati"),
    ("berhenti", "Berhenti menerima pengumuman"),
    ("langganan", "Kembali menerima pengumuman"),
)
COMMANDS_GROUP = (
    ("tanya", "Ajukan pertanyaan ekspor di grup"),
    ("bantuan", "Cara memakai bot"),
)
COMMANDS_ORGANISER = (
    ("buatacara", "Buat acara baru"),
    ("acarasaya", "Kelola acara Anda"),
    ("peserta", "Unduh daftar peminat acara"),
    ("siaran", "Kirim pengumuman"),
)
COMMANDS_ADMIN = (
    ("muatulang", "Muat ulang basis pengetahuan"),
    ("cadangan", "Lihat dan pulihkan cadangan berkas"),
    ("unduhkb", "Unduh basis pengetahuan (zip)"),
    ("belumterjawab", "Pertanyaan yang belum terjawab"),
    ("statistik", "Statistik penggunaan"),
    ("organiser", "Tambah atau hapus penyelenggara"),
)

# --- Questions and answers ------------------------------------------------------------------

SOURCES_HEADER = "📎 <b>Sumber resmi:</b>"
REVIEWED = "Terakhir diperiksa: {date}"
RELATED_PREFIX = "➡️ "
BUTTON_HELPFUL = "👍 Membantu"
BUTTON_NOT_HELPFUL = "👎 Kurang membantu"
BUTTON_OTHER_TOPICS = "📚 Topik lain"
BUTTON_NONE_OF_THESE = "Bukan semuanya, lihat topik"
BUTTON_SKIP = "Lewati"

SUGGEST = "Maksud Anda salah satu ini? Silakan pilih:"
UNKNOWN = (
    "Maaf, saya belum tahu jawaban untuk pertanyaan ini:\n<i>{question}</i> 🙏\n\n"
    "Saya bisa membantu soal ekspor untuk UMKM, misalnya: {categories}.\n\n"
    "Pertanyaan Anda sudah kami catat agar tim admin bisa melengkapinya. "
    "Coba tulis dengan kata lain, atau lihat daftar topik."
)
NO_WORDS = (
    "Silakan tulis pertanyaan Anda dengan kata-kata, ya. 🙂\n"
    "Contoh: <i>Bagaimana cara mendapatkan sertifikat halal?</i>"
)
TOO_LONG_NOTE = (
    "<i>Pesan Anda cukup panjang, jadi saya membaca bagian awalnya saja. "
    "Jika jawabannya kurang pas, kirim pertanyaan yang lebih singkat.</i>\n\n"
)
ENTRY_GONE = "Maaf, topik itu sudah tidak tersedia. Silakan lihat daftar topik terbaru."
OLD_BUTTON = "Tombol ini sudah tidak berlaku. Silakan tulis pertanyaan Anda lagi."

FEEDBACK_THANKS_HELPFUL = "Terima kasih! Senang bisa membantu. 🙏"
FEEDBACK_THANKS_NOT_HELPFUL = "Terima kasih atas masukannya."
FEEDBACK_ASK_COMMENT = (
    "Maaf jawabannya belum membantu. Boleh ceritakan apa yang kurang atau apa yang Anda cari? "
    "Tulis di pesan berikutnya, atau tekan <b>Lewati</b>."
)
FEEDBACK_COMMENT_SAVED = "Terima kasih, masukan Anda sudah kami teruskan ke tim admin. 🙏"
FEEDBACK_COMMENT_SKIPPED = "Baik. Silakan tulis pertanyaan lain kapan saja."

TOPICS_HOME = "📚 <b>Topik ekspor</b>\n\nPilih kategori:"
TOPICS_CATEGORY = "📚 <b>{category}</b>\n\nPilih topik:"
BUTTON_BACK = "⬅️ Kembali"

# --- Robustness -----------------------------------------------------------------------------

NOT_TEXT = (
    "Maaf, saat ini saya hanya bisa membaca pesan teks. "
    "Silakan tulis pertanyaan Anda dengan kata-kata. 🙂"
)
EDITED_MESSAGE = "Saya melihat pesan Anda diubah. Saya menjawab pesan yang baru, ya."
FLOOD = (
    "Pesan Anda masuk sangat cepat. Mohon tunggu sebentar, lalu kirim satu pertanyaan saja, ya. 🙏"
)
UNKNOWN_COMMAND = (
    "Maaf, perintah itu tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah."
)
GROUP_ASK_USAGE = (
    "Tulis pertanyaannya setelah perintah, misalnya: <code>/tanya cara membuat NIB</code>"
)
ERROR = "Maaf, terjadi kendala di sisi kami. Silakan coba lagi sebentar lagi. 🙏"
NOT_ALLOWED = "Maaf, fitur ini khusus untuk {role}."
ROLE_ADMIN = "admin"
ROLE_ORGANISER = "penyelenggara acara"

# --- Terminal chat --------------------------------------------------------------------------

TERMINAL_HELLO = (
    "Obrolan terminal Asisten Ekspor UMKM. Tulis pertanyaan atau perintah seperti /bantuan.\n"
    "Ketik nomor untuk memilih tombol. Tekan Ctrl+D untuk keluar."
)
TERMINAL_BYE = "Sampai jumpa! 👋"
TERMINAL_NO_SUCH_BUTTON = "Tidak ada pilihan dengan nomor itu."
TERMINAL_NOT_AVAILABLE = "Perintah itu hanya tersedia di Telegram."

# --- Events (issue 6) -----------------------------------------------------------------------

# --- Broadcasts (issue 7) -------------------------------------------------------------------

# --- Admin tools (issue 8) ------------------------------------------------------------------
