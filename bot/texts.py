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
HELP_ADMIN_UPLOAD = "Kirim berkas <code>.yaml</code> ke bot untuk memperbarui basis pengetahuan."
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
# Shown under an answer when other entries scored at least half as high.
ALTERNATIVES_HINT = "Bukan ini yang Anda maksud? Coba topik bertanda 🔎 di bawah."
ALTERNATIVE_PREFIX = "🔎 "
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
UNKNOWN_NEARBY = "Topik terdekat yang saya punya, siapa tahu membantu:"
# Courtesy messages (bot/smalltalk.py): thanks, greetings, "ok".
SMALL_TALK = {
    "thanks": (
        "Sama-sama, senang bisa membantu! 🙏\n"
        "Silakan bertanya lagi kapan saja, atau ketik /acara untuk melihat acara ekspor."
    ),
    "greeting": (
        "Halo, selamat datang! 👋\n"
        "Silakan tulis pertanyaan Anda tentang ekspor, misalnya: "
        "<i>Bagaimana cara membuat NIB?</i>\n"
        "Ketik /bantuan untuk melihat apa saja yang bisa saya bantu."
    ),
    "ok": "Baik. 👍 Silakan bertanya lagi kapan saja bila ada yang ingin Anda ketahui.",
}
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

# --- Events ----------------------------------------------------------------------------------


EV_ONLINE = "Daring"
EV_LIST_HEADER = "📅 <b>Acara ekspor mendatang</b>"
EV_LIST_PAGE = " (halaman {page} dari {pages})"
EV_LIST_EMPTY = (
    "📅 Belum ada acara ekspor yang dijadwalkan. Silakan cek lagi nanti, ya. 🙏"
)
EV_LIST_FOOTER = (
    "<i>Tekan Saya tertarik untuk mendaftar. Kami akan mengingatkan Anda sehari sebelumnya "
    "dan pada hari acara.</i>"
)
EV_WHEN = "🗓 {when}"
EV_PLACE = "📍 {place}"
EV_ONLINE_PLACE = "💻 {place}"
EV_ONLINE_LINK = "🔗 {link}"
EV_ONLINE_LINK_LATER = "🔗 Tautan acara terlihat setelah Anda mendaftar."
EV_INTEREST_COUNT = "👥 {count} peminat"
EV_CAPACITY = " · kuota {capacity}"
EV_FULL_NOTE = " · <b>penuh</b>"
EV_DEADLINE = "⏳ Pendaftaran sampai {when}"
EV_YOU_ARE_IN = "✅ Anda sudah terdaftar."
EV_IS_CANCELLED = "🚫 <b>Acara ini dibatalkan.</b>"
EV_IS_FINISHED = "<i>Acara ini sudah selesai.</i>"
EV_REGISTRATION_CLOSED = "<i>Pendaftaran sudah ditutup.</i>"
BUTTON_EV_INTEREST = "✋ Saya tertarik"
BUTTON_EV_WITHDRAW = "↩️ Batalkan"
BUTTON_EV_INTEREST_N = "✋ {number}. Saya tertarik"
BUTTON_EV_WITHDRAW_N = "↩️ {number}. Batalkan"
BUTTON_EV_DETAIL = "ℹ️ Detail"
BUTTON_EV_PREV = "⬅️ Sebelumnya"
BUTTON_EV_NEXT = "Berikutnya ➡️"
BUTTON_EV_ALL = "📅 Acara lainnya"

EV_CONSENT = (
    "Sebelum mendaftar: nama dan username Telegram Anda akan dibagikan kepada penyelenggara "
    "acara. Apakah Anda setuju?"
)
BUTTON_EV_AGREE = "✅ Setuju"
BUTTON_EV_DISAGREE = "Tidak jadi"
EV_CONSENT_DECLINED = "Baik, Anda tidak didaftarkan. Data Anda tidak dibagikan."

EV_REGISTERED = "Terima kasih! Minat Anda sudah tercatat. Kami akan mengingatkan Anda."
EV_ALREADY = "Anda sudah terdaftar di acara ini. Tekan Batalkan jika tidak jadi ikut."
EV_CLOSED = "Maaf, pendaftaran acara ini sudah ditutup."
EV_FULL = "Maaf, kuota acara ini sudah penuh."
EV_CANCELLED = "Maaf, acara ini sudah dibatalkan oleh penyelenggara."
EV_FINISHED = "Acara ini sudah selesai."
EV_NOT_FOUND = "Maaf, acara itu tidak ditemukan. Silakan lihat daftar acara di /acara."
EV_WITHDRAWN = "Pendaftaran Anda sudah dibatalkan."
EV_NOT_REGISTERED = "Anda memang belum terdaftar di acara ini."
EV_OLD_BUTTON = "Tombol ini sudah tidak berlaku. Silakan buka /acara lagi."

EV_MINE_HEADER = "📌 <b>Acara yang Anda minati</b>"
EV_MINE_EMPTY = (
    "Anda belum mendaftar di acara mana pun. Lihat acara yang akan datang di /acara."
)

EV_ASK_TITLE = (
    "Mari buat acara baru. ✍️\n\nApa <b>judul acaranya</b>?\n"
    "<i>Ketik /batal kapan saja untuk membatalkan.</i>"
)
EV_ASK_WHEN = (
    "Kapan acaranya? Tulis tanggal dan jam (WIB), misalnya:\n<code>2026-12-05 09:00</code>\n"
    "atau dengan jam selesai: <code>2026-12-05 09:00-12:00</code>"
)
EV_ASK_PLACE = (
    "Di mana tempatnya? Untuk acara daring, tulis <code>Daring</code> diikuti tautannya, "
    "misalnya <code>Daring https://zoom.us/j/123</code>."
)
EV_ASK_DESCRIPTION = (
    "Tulis deskripsi singkat: untuk siapa acaranya dan apa yang akan didapat peserta. "
    "Ketik <code>-</code> jika tidak ada."
)
EV_PREVIEW_HEADER = "👀 <b>Periksa lagi acaranya:</b>"
EV_PREVIEW_QUESTION = "Simpan dan terbitkan acara ini?"
BUTTON_EV_PUBLISH = "✅ Terbitkan"
BUTTON_EV_DISCARD = "❌ Batal"
EV_CREATE_CANCELLED = "Baik, pembuatan acara dibatalkan. Tidak ada yang disimpan."
EV_CREATED = (
    "✅ Acara <b>{title}</b> tersimpan dan sudah tampil di /acara.\n\n"
    "Nomor acara: <b>{id}</b> (misalnya untuk <code>/peserta {id}</code>).\n"
    "Tautan untuk poster dan WhatsApp:\n{link}"
)
EV_ONE_LINE_USAGE = (
    "Format satu baris:\n<code>/buatacara Judul | 2026-12-05 09:00 | Tempat | Deskripsi</code>\n"
    "Jam selesai boleh ditambahkan: <code>2026-12-05 09:00-12:00</code>. "
    "Atau ketik /buatacara saja untuk dipandu langkah demi langkah."
)

EV_BAD_WHEN = (
    "Maaf, tanggal dan jamnya belum bisa saya baca. Tulis seperti ini: "
    "<code>2026-12-05 09:00</code> atau <code>2026-12-05 09:00-12:00</code>."
)
EV_BAD_DATE = (
    "Tanggal itu tidak ada di kalender. Mohon periksa lagi, misalnya <code>2026-12-05</code>."
)
EV_BAD_TIME = (
    "Jamnya tidak valid. Gunakan format 24 jam, misalnya <code>09:00</code> "
    "atau <code>14:30</code>."
)
EV_PAST = "Waktu itu sudah lewat. Mohon tulis tanggal dan jam yang akan datang."
EV_END_BEFORE_START = "Jam selesai harus setelah jam mulai."
EV_BAD_TITLE = "Judul acara mohon ditulis 3 sampai {limit} karakter."
EV_BAD_PLACE = "Tempat acara mohon ditulis 2 sampai {limit} karakter."
EV_ONLINE_NEEDS_LINK = (
    "Untuk acara daring, sertakan tautannya, misalnya <code>Daring https://zoom.us/j/123</code>."
)
EV_LONG_DESCRIPTION = (
    "Deskripsinya terlalu panjang. Mohon ringkas menjadi paling banyak {limit} karakter."
)
EV_BAD_DEADLINE = (
    "Batas pendaftaran belum bisa saya baca. Tulis tanggal, misalnya <code>2026-12-01</code>, "
    "atau tanggal dan jam: <code>2026-12-01 17:00</code>. Ketik <code>-</code> untuk tanpa batas."
)
EV_BAD_CAPACITY = (
    "Kuota mohon ditulis dengan angka, misalnya <code>50</code>. "
    "Ketik <code>-</code> untuk tanpa batas."
)

EV_ORGANISER_HEADER = (
    "🗂 <b>Acara Anda</b>\nPilih acara untuk mengubah, membatalkan, atau mengunduh peminat."
)
EV_ORGANISER_ALL_HEADER = "🗂 <b>Semua acara mendatang</b> (Anda admin)\nPilih acara untuk dikelola."
EV_ORGANISER_EMPTY = "Anda belum punya acara mendatang. Buat acara dengan /buatacara."
EV_MANAGE_FOOTER = "Nomor acara: <b>{id}</b>\nTautan: {link}"
BUTTON_EV_EDIT = "✏️ Ubah"
BUTTON_EV_CANCEL_EVENT = "🚫 Batalkan acara"
BUTTON_EV_PARTICIPANTS = "📥 Unduh peminat"
BUTTON_EV_BACK_TO_MINE = "⬅️ Acara saya"
EV_EDIT_CHOOSE = "Bagian mana dari <b>{title}</b> yang ingin diubah?"
EV_FIELD_LABELS = {
    "title": "Judul", "when": "Waktu", "place": "Tempat", "description": "Deskripsi",
    "registration_deadline": "Batas daftar", "capacity": "Kuota",
}
EV_EDIT_ASK = {
    "title": "Tulis judul baru:",
    "when": EV_ASK_WHEN,
    "place": EV_ASK_PLACE,
    "description": "Tulis deskripsi baru, atau <code>-</code> untuk mengosongkan:",
    "registration_deadline": (
        "Sampai kapan pendaftaran dibuka? Tulis tanggal, misalnya <code>2026-12-01</code>, "
        "atau <code>-</code> untuk tanpa batas."
    ),
    "capacity": (
        "Berapa kuota peminat? Tulis angka, misalnya <code>50</code>, "
        "atau <code>-</code> untuk tanpa batas."
    ),
}
EV_EDIT_HINT = "\n<i>Ketik /batal untuk membatalkan.</i>"
EV_EDITED = "✅ Perubahan tersimpan."
EV_EDIT_CANCELLED = "Baik, tidak ada yang diubah."
EV_NOT_EDITABLE = "Acara ini sudah dibatalkan atau selesai, jadi tidak bisa diubah lagi."
EV_NOT_YOURS = "Maaf, acara ini milik penyelenggara lain. Anda hanya dapat mengelola acara Anda."
EV_CANCEL_CONFIRM = (
    "Yakin ingin membatalkan acara <b>{title}</b>? {count} peminat akan diberi tahu. "
    "Pembatalan tidak bisa diurungkan."
)
BUTTON_EV_CANCEL_YES = "Ya, batalkan acara"
BUTTON_EV_CANCEL_NO = "Tidak"
EV_EVENT_CANCELLED = "🚫 Acara <b>{title}</b> dibatalkan. {count} peminat akan diberi tahu."

EV_PARTICIPANTS_USAGE = (
    "Tulis nomor acaranya, misalnya <code>/peserta 12</code>. Nomor acara ada di /acarasaya."
)
EV_PARTICIPANTS_SUMMARY = "{title}: {count} peminat{capacity}."
EV_PARTICIPANTS_CAPACITY = " dari kuota {capacity}"
EV_CSV_COLUMNS = ("nama", "username", "waktu_daftar")

EV_REMINDER_DAY_BEFORE = "⏰ <b>Pengingat: besok ada acara yang Anda minati</b>"
EV_REMINDER_SAME_DAY = "⏰ <b>Pengingat: hari ini ada acara yang Anda minati</b>"
EV_REMINDER_FOOTER = "<i>Sampai jumpa di sana! Jika tidak jadi hadir, tekan Batalkan.</i>"
EV_NOTICE_CANCELLED = (
    "🚫 <b>Acara dibatalkan</b>\n\nMohon maaf, acara <b>{title}</b> ({when}) dibatalkan oleh "
    "penyelenggara. Silakan lihat acara lain di /acara."
)

# --- Broadcasts ------------------------------------------------------------------------------

BROADCAST_ASK_TEXT = (
    "📣 <b>Kirim pengumuman</b>\n\n"
    "Silakan tulis pengumuman Anda di pesan berikutnya. Format teks seperti <b>tebal</b>, "
    "<i>miring</i>, dan tautan akan dipertahankan.\n\n"
    "Ketik /batal untuk membatalkan."
)
BROADCAST_TOO_LONG = (
    "Maaf, pengumuman ini terlalu panjang ({length} karakter, maksimal {limit}). "
    "Mohon persingkat, lalu kirim lagi."
)
BROADCAST_CHOOSE_AUDIENCE = "Pengumuman sudah saya terima. Kirim kepada siapa?"
BROADCAST_AUDIENCE_ALL = "Semua pengguna"
BROADCAST_AUDIENCE_EVENT = "Peminat acara: {title}"
BROADCAST_AUDIENCE_BUTTON = "{label} ({count} orang)"
BROADCAST_AUDIENCE_CHOSEN = "Penerima: <b>{audience}</b>"
BROADCAST_NO_RECIPIENTS = (
    "Belum ada yang bisa menerima pengumuman untuk pilihan ini. "
    "Silakan pilih penerima lain, atau ketik /batal."
)
BROADCAST_PREVIEW = (
    "👆 Begitulah pengumuman Anda akan tampil.\n\n"
    "Penerima: <b>{audience}</b>\n"
    "Jumlah: <b>{count} orang</b>\n\n"
    "Kirim sekarang?"
)
BROADCAST_FOOTER = "\n\n<i>Tidak ingin menerima pengumuman lagi? Ketik /berhenti.</i>"
BROADCAST_BUTTON_SEND = "✅ Kirim ke {count} orang"
BROADCAST_BUTTON_CANCEL = "Batal"
BROADCAST_CANCELLED = "Baik, siaran dibatalkan. Tidak ada pesan yang dikirim."
BROADCAST_STARTED = "Siaran dimulai."
BROADCAST_EXPIRED = "Maaf, draf siaran ini sudah tidak berlaku. Silakan mulai lagi dengan /siaran."

BROADCAST_STATE_RUNNING = "⏳ sedang dikirim"
BROADCAST_STATE_PAUSED = "⏸ dijeda"
BROADCAST_STATE_STOPPED = "⏹ dihentikan"
BROADCAST_STATE_DONE = "✅ selesai"
BROADCAST_PROGRESS = (
    "📣 <b>Siaran #{id}</b> · {state}\n"
    "Penerima: {audience}\n\n"
    "Terkirim: <b>{sent}</b> · Gagal: {failed} · Memblokir bot: {blocked}\n"
    "Dari {total} orang ({percent}%)"
)
BROADCAST_REPORT_DONE = (
    "✅ <b>Siaran #{id} selesai</b>\n\n"
    "Terkirim: <b>{sent}</b> dari {total} orang\n"
    "Gagal: {failed}\n"
    "Memblokir bot: {blocked}\n"
    "Berhenti berlangganan sebelum terkirim: {skipped}"
)
BROADCAST_REPORT_STOPPED = (
    "⏹ <b>Siaran #{id} dihentikan</b>\n\n"
    "Terkirim: <b>{sent}</b> dari {total} orang\n"
    "Tidak jadi dikirim: {cancelled}\n"
    "Gagal: {failed} · Memblokir bot: {blocked}"
)
BROADCAST_BUTTON_PAUSE = "⏸ Jeda #{id}"
BROADCAST_BUTTON_RESUME = "▶️ Lanjutkan #{id}"
BROADCAST_BUTTON_STOP = "⏹ Hentikan #{id}"
BROADCAST_BUTTON_REFRESH = "🔄 Perbarui"
BROADCAST_PAUSED = "Siaran #{id} dijeda."
BROADCAST_RESUMED = "Siaran #{id} dilanjutkan."
BROADCAST_STOPPED = "Siaran #{id} dihentikan."
BROADCAST_UNCHANGED = "Siaran #{id} sudah {state}."
BROADCAST_NOT_YOURS = "Maaf, siaran ini milik penyelenggara lain."
BROADCAST_NOT_FOUND = "Maaf, siaran itu tidak ditemukan."

BROADCAST_STATUS_HEADER = "📣 <b>Siaran berjalan dan terbaru</b>"
BROADCAST_STATUS_EMPTY = "Belum ada siaran. Ketik /siaran untuk mengirim pengumuman."
BROADCAST_STATUS_LINE = (
    "<b>#{id}</b> · {state} · {sent}/{total} terkirim · {audience}\n<i>{excerpt}</i>"
)

BROADCAST_UNSUBSCRIBED = (
    "Baik, Anda tidak akan menerima pengumuman lagi. "
    "Jika berubah pikiran, ketik /langganan."
)
BROADCAST_ALREADY_UNSUBSCRIBED = (
    "Anda memang sudah tidak menerima pengumuman. Ketik /langganan untuk menerimanya lagi."
)
BROADCAST_SUBSCRIBED = (
    "Terima kasih! Anda akan kembali menerima pengumuman acara dan program ekspor. "
    "Ketik /berhenti kapan saja untuk berhenti."
)
BROADCAST_ALREADY_SUBSCRIBED = (
    "Anda sudah menerima pengumuman. Ketik /berhenti jika ingin berhenti."
)


# --- Admin tools -----------------------------------------------------------------------------

# Reloading, uploading and restoring knowledge files. Problems stay as the validator writes
# them (`file:line: message`) so admins can find the line in their editor.
ADMIN_RELOAD_APPLIED = "✅ Basis pengetahuan dimuat ulang: {entries} topik.\n\n{changes}"
ADMIN_RELOAD_REFUSED = (
    "❌ Basis pengetahuan <b>tidak</b> dimuat ulang karena ada {count} masalah. "
    "Bot tetap memakai versi terakhir yang benar.\n\n{problems}\n\n"
    "Perbaiki berkasnya, lalu kirim /muatulang lagi."
)
ADMIN_WATCH_APPLIED = (
    "🔄 Berkas di folder pengetahuan berubah dan sudah dipakai: {entries} topik.\n\n{changes}"
)
ADMIN_WATCH_REFUSED = (
    "⚠️ Berkas di folder pengetahuan berubah, tetapi ada {count} masalah, jadi perubahan itu "
    "<b>belum</b> dipakai. Bot tetap memakai versi terakhir yang benar.\n\n{problems}"
)
ADMIN_UPLOAD_APPLIED = (
    "✅ Berkas <b>{file}</b> diterima dan sudah dipakai: {entries} topik.\n\n{changes}\n\n{backup}"
)
ADMIN_UPLOAD_REFUSED = (
    "❌ Berkas <b>{file}</b> ditolak karena ada {count} masalah. Tidak ada yang diubah, "
    "bot tetap memakai versi yang sekarang.\n\n{problems}\n\nPerbaiki berkasnya, lalu kirim lagi."
)
ADMIN_UPLOAD_BACKUP = "Versi sebelumnya disimpan sebagai cadangan ({when}). Lihat /cadangan."
ADMIN_UPLOAD_NEW_FILE = "Ini berkas baru, jadi tidak ada versi lama yang perlu dicadangkan."
ADMIN_UPLOAD_BAD_NAME = (
    "Nama berkas <b>{name}</b> tidak bisa dipakai. Gunakan huruf kecil, angka, tanda - atau _, "
    "dan akhiran .yaml, misalnya <code>legalitas.yaml</code>."
)
ADMIN_UPLOAD_TOO_BIG = "Berkas terlalu besar ({size} KB). Batasnya {limit} KB per berkas."
ADMIN_CHANGES = "Baru: {added}\nDiubah: {changed}\nDihapus: {removed}"
ADMIN_NO_CHANGES = "Isi topik tidak ada yang berubah."
ADMIN_NOTHING = "–"
ADMIN_PROBLEM = "• <code>{problem}</code>"
ADMIN_PROBLEMS_MORE = "…dan {count} masalah lain."

ADMIN_BACKUPS_NONE = (
    "Belum ada cadangan. Cadangan dibuat otomatis setiap kali sebuah berkas diganti lewat "
    "unggahan atau pemulihan."
)
ADMIN_BACKUPS_HEADER = (
    "🗂 <b>Cadangan berkas pengetahuan</b> (terbaru di atas)\n"
    "Pilih versi yang ingin dipulihkan:"
)
ADMIN_BACKUP_BUTTON = "{file} · {when}"
ADMIN_RESTORE_CONFIRM = (
    "Pulihkan <b>{file}</b> ke versi {when}?\n\n"
    "Versi yang sekarang akan dicadangkan dulu, dan berkas diperiksa sebelum dipakai."
)
ADMIN_RESTORE_YES = "✅ Ya, pulihkan"
ADMIN_RESTORE_CANCEL = "Batal"
ADMIN_RESTORE_CANCELLED = "Baik, tidak ada yang dipulihkan."
ADMIN_RESTORE_APPLIED = (
    "✅ <b>{file}</b> dipulihkan ke versi {when}: {entries} topik.\n\n{changes}"
)
ADMIN_RESTORE_REFUSED = (
    "❌ Cadangan <b>{file}</b> ({when}) tidak bisa dipulihkan karena ada {count} masalah. "
    "Tidak ada yang diubah.\n\n{problems}"
)
ADMIN_BACKUP_GONE = "Cadangan itu sudah tidak ada. Kirim /cadangan untuk melihat daftar terbaru."
ADMIN_ZIP_CAPTION = "📦 Basis pengetahuan saat ini: {files} berkas, {entries} topik."

# Reports: /belumterjawab and /statistik (also printed by `exportbot report`).
ADMIN_PERIOD_BUTTON = "{days} hari"
ADMIN_DAYS_USAGE = (
    "Tulis jumlah hari antara 1 dan 366, misalnya: <code>/{command} 7</code>"
)
ADMIN_UNANSWERED_NONE = (
    "✅ Dalam {days} hari terakhir tidak ada pertanyaan yang belum terjawab atau diberi 👎."
)
ADMIN_UNANSWERED_HEADER = (
    "📝 <b>Pertanyaan yang belum terjawab</b> ({days} hari terakhir)\n"
    "{total} pertanyaan dalam {groups} kelompok. Yang paling sering ditanyakan ada di atas: "
    "itulah topik yang sebaiknya ditulis lebih dulu."
)
ADMIN_UNANSWERED_GROUP = "<b>{number}. {count}×</b> dari {users} orang\n<i>{example}</i>"
ADMIN_UNANSWERED_EXAMPLE = "   juga: <i>{example}</i>"
ADMIN_UNANSWERED_DISLIKED = "   👎 pada jawaban: {entries}"
ADMIN_UNANSWERED_PICKED = "   🔎 penanya memilih jawaban lain (dijawab → dipilih): {swaps}"
ADMIN_UNANSWERED_OPENED = "   📌 penanya lalu membuka topik terdekat: {entries}"
ADMIN_UNANSWERED_COMMENT = "   💬 <i>{comment}</i>"
ADMIN_UNANSWERED_MORE = "…dan {count} kelompok lain."

ADMIN_STATS_HEADER = "📊 <b>Statistik {days} hari terakhir</b>\n{since} – {until}"
ADMIN_STATS_USERS = (
    "👥 Pengguna: {total} orang, {new} baru, {active} bertanya, "
    "{opted_out} tidak menerima pengumuman"
)
ADMIN_STATS_QUESTIONS = (
    "❓ Pertanyaan: {total}\n"
    "• Dijawab langsung: {answered} ({answered_rate})\n"
    "• Diberi pilihan: {suggested} ({suggested_rate})\n"
    "• Belum tahu: {unknown} ({unknown_rate})"
)
ADMIN_STATS_FEEDBACK = (
    "👍 {helpful} membantu · 👎 {not_helpful} kurang membantu · 💬 {comments} komentar"
)
ADMIN_STATS_TOP_HEADER = "🏆 <b>Topik yang paling sering dijawab:</b>"
ADMIN_STATS_TOP_ENTRY = "• {title} ({count}×)"
ADMIN_STATS_EVENTS = (
    "📅 Acara: {created} dibuat, {held} berlangsung, {upcoming} akan datang, "
    "{interests} pendaftaran minat"
)
ADMIN_STATS_EVENTS_NONE = "📅 Acara: belum ada data."
ADMIN_STATS_BROADCASTS = (
    "📣 Pengumuman: {broadcasts} siaran, terkirim ke {delivered} orang, {failed} gagal"
)
ADMIN_STATS_BROADCASTS_NONE = "📣 Pengumuman: belum ada data."
ADMIN_CHART_TITLE = "Pertanyaan per hari, {days} hari terakhir"
ADMIN_CHART_Y_LABEL = "Jumlah pertanyaan"
ADMIN_CHART_LEGEND = (
    ("answer", "Dijawab"), ("suggest", "Diberi pilihan"), ("unknown", "Belum tahu"),
)
ADMIN_CHART_CAPTION = (
    "Pertanyaan per hari: hijau dijawab, kuning diberi pilihan, merah belum tahu."
)

# /organiser tambah|hapus <id>
ADMIN_ORGANISER_USAGE = (
    "Cara memakai:\n"
    "<code>/organiser tambah 123456789</code> — jadikan penyelenggara acara\n"
    "<code>/organiser hapus 123456789</code> — cabut peran itu\n\n"
    "Angkanya adalah ID Telegram orang tersebut. Penyelenggara sekarang: {current}"
)
ADMIN_ORGANISER_ADDED = "✅ {user} sekarang penyelenggara acara."
ADMIN_ORGANISER_ALREADY = "{user} sudah menjadi penyelenggara acara."
ADMIN_ORGANISER_REMOVED = "✅ Peran penyelenggara acara untuk {user} sudah dicabut."
ADMIN_ORGANISER_NOT_GRANTED = (
    "{user} tidak mendapat peran penyelenggara dari chat, jadi tidak ada yang dicabut."
)
ADMIN_ORGANISER_FROM_CONFIG = (
    "{user} tercantum sebagai penyelenggara atau admin di config.yaml. Peran itu hanya bisa "
    "diubah di config.yaml."
)
