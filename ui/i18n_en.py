"""The English catalogue: Indonesian interface text → English."""

from __future__ import annotations

import logging

from ui.i18n_en_settings import SETTINGS_ENGLISH

logger = logging.getLogger(__name__)

ENGLISH: dict[str, str] = {
    # main window and actions
    "Clipper": "Clipper", "Clipper — kliping digital": "Clipper — digital clipping", "Alat": "Tools",
    "Tinjauan": "Review", "Arsip": "Archive", "Edisi hari ini": "Today's edition", "Panen": "Harvest",
    "Batalkan panen": "Cancel harvest", "Tambah URL": "Add URL", "Kliping cetak": "Print clipping",
    "Urungkan": "Undo", "Susun kliping": "Compile clipping", "Kirim": "Send", "Pengaturan": "Settings",
    "keputusan approve": "approve", "keputusan reject": "reject", "keputusan reset": "back to new",
    "Berikutnya": "Next", "Sebelumnya": "Previous", "Simpan isian": "Save fields", "Saring": "Filter",
    "Muat ulang": "Reload", "Naikkan di edisi": "Move up in edition", "Turunkan di edisi": "Move down in edition",
    "Panen sedang berjalan.": "A harvest is already running.",
    "Artikel #{id} ditambahkan ke antrean.": "Article #{id} added to the queue.",
    "Pengaturan disimpan.": "Settings saved.",
    "Arsip (berlaku saat dibuka lagi)": "Archive (applies when reopened)",
    "kosong: berkas di komputer ini; tim: postgresql://nama@server:5432/kliping":
        "empty: a file on this computer; team: postgresql://name@server:5432/clipping",
    "Jangan tulis kata sandi di alamat arsip; simpan di berkas pgpass (lihat README, Mode tim).":
        "Do not put the password in the archive address; keep it in a pgpass file (see README, Team mode).",
    "Kliping No. {number} disusun: {pages} halaman.": "Clipping No. {number} compiled: {pages} pages.",
    "Pratinjau kliping No. {number}": "Preview of clipping No. {number}",
    # queue
    "Waktu (WIB)": "Time (WIB)", "Media": "Media", "Judul": "Title", "Topik": "Topics", "Skor": "Score",
    "Nada": "Tone", "Status": "Status", "Media lain": "Other outlets",
    "Baru": "New", "Disetujui": "Approved", "Ditolak": "Rejected", "Tidak relevan": "Not relevant",
    "Galat": "Error", "positif": "positive", "netral": "neutral", "negatif": "negative",
    "Antrean (baru)": "Queue (new)", "Sudah ditinjau": "Reviewed", "Semua dalam antrean": "All queued",
    "Semua, termasuk tidak relevan": "All, including not relevant",
    "Saran otomatis; belum ditetapkan editor": "Automatic suggestion; not yet set by the editor",
    "Semua topik": "All topics", "Semua media": "All media", "Tanggal": "Date", "Tanggal:": "Date:",
    "Saring judul, media, tag … (Ctrl+F)": "Filter title, media, tags … (Ctrl+F)",
    "{shown} dari {total}": "{shown} of {total}",
    "Tidak ada tindakan untuk dibatalkan.": "Nothing to undo.",
    "Tindakan terakhir dibatalkan.": "Last action undone.",
    # editor fields
    "tag, dipisah koma": "tags, comma-separated", "(saran otomatis)": "(automatic suggestion)",
    "Ringkasan editor: dua baris untuk pimpinan": "Editor's summary: two lines for the leadership",
    "Sorotan di halaman depan kliping": "Highlight on the clipping's front page",
    "Simpan (Ctrl+S)": "Save (Ctrl+S)", "Setujui (A)": "Approve (A)", "Tolak (R)": "Reject (R)",
    "Kembalikan (U)": "Back to new (U)", "Tag": "Tags", "Ringkasan": "Summary",
    "Tidak ada artikel terpilih": "No article selected",
    "{n} artikel terpilih: perubahan berlaku untuk semuanya": "{n} articles selected: changes apply to all",
    "Artikel #{id} · {status}": "Article #{id} · {status}",
    "Ringkasan terlalu panjang (paling banyak {n} karakter)": "Summary too long (at most {n} characters)",
    "Ringkasan dipotong menjadi {n} karakter saat disimpan.": "The summary was cut to {n} characters when saved.",
    # article view
    "Pilih artikel di antrean.": "Select an article in the queue.", "Buka artikel asli": "Open the original",
    "Istilah cocok": "Matched terms", "Juga dimuat di": "Also published in", "Narasumber": "Sources quoted",
    # harvest panel
    "Sumber": "Source", "Keterangan": "Details", "menunggu": "waiting", "berjalan": "running", "ok": "ok",
    "tidak berubah": "unchanged", "gagal": "failed", "dibatalkan": "cancelled",
    "{links} tautan, {dup} duplikat": "{links} links, {dup} duplicates",
    "Belum ada panen dalam sesi ini.": "No harvest in this session yet.",
    "Panen gagal: {error}": "Harvest failed: {error}",
    "Panen #{id} (mulai {started}) terputus: prosesnya berhenti sebelum selesai; yang sudah tersimpan tetap ada.":
        "Harvest #{id} (started {started}) was interrupted: its process stopped before the end; "
        "what it stored is kept.",
    "terputus": "interrupted",
    "Panen berjalan: {n} sumber …": "Harvesting {n} sources …",
    "Panen selesai: {new} artikel baru, {failed} sumber gagal.":
        "Harvest done: {new} new articles, {failed} sources failed.",
    "Panen dibatalkan: {new} artikel baru tersimpan, {failed} sumber gagal.":
        "Harvest cancelled: {new} new articles kept, {failed} sources failed.",
    # edition panel and preview
    "Naik (Ctrl+↑)": "Up (Ctrl+↑)", "Turun (Ctrl+↓)": "Down (Ctrl+↓)",
    "Susun kliping (draf)": "Compile clipping (draft)", "Susun final": "Compile final",
    "Menyusun kliping {day} …": "Compiling the clipping of {day} …",
    "Bagikan ke WhatsApp": "Share to WhatsApp",
    "Tulis PDF ringkas untuk ponsel dan teks daftar berita ke satu folder, lalu buka folder itu; lampirkan "
    "keduanya di WhatsApp": "Write a compact phone PDF and a text listing the news into one folder, then open "
                            "that folder; attach both in WhatsApp",
    "Menyiapkan berkas WhatsApp {day} …": "Preparing the WhatsApp files of {day} …",
    "Berkas WhatsApp disimpan di {folder}: {pdf} dan {text}": "WhatsApp files saved in {folder}: {pdf} and {text}",
    "Berkas WhatsApp edisi ini sudah ada: {names}. Ganti dengan yang baru?":
        "This edition's WhatsApp files exist already: {names}. Replace them?",
    "Ganti": "Replace",
    "{pages} halaman · {path}": "{pages} pages · {path}", "Buka di penampil sistem": "Open in the system viewer",
    "Tutup": "Close",
    # add dialogs
    "Tempelkan alamat lengkap yang diawali http:// atau https://":
        "Paste a full address starting with http:// or https://",
    "Tambah artikel dari URL": "Add an article from a URL", "Ambil dan antrekan": "Fetch and queue",
    "Alamat artikel": "Article address", "Mengambil {url} …": "Fetching {url} …", "Gagal: {error}": "Failed: {error}",
    "Tambah kliping cetak": "Add a print clipping", "Pilih pindaian …": "Choose a scan …", "Halaman": "Page",
    "Teks": "Text", "Pindaian (opsional)": "Scan (optional)", "Pindaian kliping": "Clipping scan",
    "Gambar (*.png *.jpg *.jpeg)": "Images (*.png *.jpg *.jpeg)", "media": "media", "judul": "title", "teks": "text",
    "Wajib diisi: {fields}": "Required: {fields}",
    "Pindaian terlalu besar (paling banyak 20 MB)": "Scan too large (at most 20 MB)",
    "Pindaian tidak dapat dibaca: {error}": "Scan cannot be read: {error}",
    # errors
    "Berkas atau jaringan tidak dapat diakses: {error}": "File or network not accessible: {error}",
    "Terjadi kesalahan tak terduga: {kind}: {error}": "An unexpected error occurred: {kind}: {error}",
    "Tutup pesan": "Close message", "Kesalahan tak terduga": "Unexpected error", "Salin laporan": "Copy report",
    "Clipper menemukan kesalahan yang tidak terduga. Pekerjaan yang sudah tersimpan aman. Salin laporan di "
    "bawah ini untuk pengelola aplikasi.":
        "Clipper hit an unexpected error. Work already saved is safe. Copy the report below for the "
        "application's maintainer.",
    # the send dialog (another engineer's widget) — kept here so English covers it too
    "(baru)": "(new)", "Bagian email: belum diatur di sources.yaml (host, sender, recipients).":
        "Email section: not set in sources.yaml (host, sender, recipients).",
    "Catatan pengiriman:": "Delivery log:",
    "Edisi ini belum final: isinya akan difinalkan (dibekukan) lebih dulu.":
        "This edition is not final yet: it will be finalised (frozen) first.",
    "Hentikan": "Stop", "Kata sandi SMTP": "SMTP password", "Kata sandi disimpan di keyring.":
        "Password stored in the keyring.", "Kata sandi untuk {user} di {host}:": "Password for {user} at {host}:",
    "Kata sandi…": "Password…", "Kirim Kliping No. {number} ({day}) ke {count} penerima?":
        "Send Clipping No. {number} ({day}) to {count} recipients?", "Kirim kliping": "Send clipping",
    "Kliping No. {number} ({day}), final, {pages} halaman.": "Clipping No. {number} ({day}), final, {pages} pages.",
    "Menghentikan setelah penerima yang sedang dikirim…": "Stopping after the recipient being sent to…",
    "Menyiapkan edisi…": "Preparing the edition…", "Penerima": "Recipients",
    "Penerima (yang dicentang akan dikirimi):": "Recipients (the ticked ones are sent to):",
    "Pengiriman sedang berjalan; tunggu sampai berhenti, lalu tutup.":
        "Sending is in progress; wait until it stops, then close.",
    "Sudah menerima sebelumnya dan akan dikirimi ulang: {who}": "Received it before and will get it again: {who}",
    "Tidak ada penerima yang dicentang.": "No recipient ticked.", "Tidak terkirim.": "Not sent.",
    "belum dikirim": "not sent yet",
    "{day}: belum ada edisi; kliping disusun dan difinalkan saat dikirim.":
        "{day}: no edition yet; the clipping is compiled and finalised when sent.",
    # page kinds, tiers, doubt and text correction
    "Diragukan": "Doubtful", "Hanya artikel yang teks ekstraksinya diragukan": "Only articles with a doubtful text",
    "Jenis halaman: hanya artikel yang masuk antrean secara bawaan":
        "Page kind: only articles are queued by default",
    "Jenis halaman: {kind}": "Page kind: {kind}", "Koreksi teks artikel #{id}": "Correct the text of article #{id}",
    "Koreksi teks…": "Correct text…",
    "Perbaiki atau hapus paragraf; teks hasil ekstraksi tetap tersimpan":
        "Fix or remove paragraphs; the extracted text is kept",
    "Pulihkan teks asli": "Restore the original text", "Simpan koreksi": "Save correction",
    "Teks diragukan: {reason}": "Doubtful text: {reason}",
    "Teks ini sudah dikoreksi; teks hasil ekstraksi dapat dipulihkan.":
        "This text has been corrected; the extracted text can be restored.",
    "Teks sudah dikoreksi editor": "Text corrected by an editor",
    "Topik hanya disebut, bukan pokok artikel": "Topic only mentioned, not what the article is about",
    "Topik utama: artikel tentang topik ini": "Main topic: the article is about it",
    "Utama: artikel tentang topiknya; disebut: topik hanya disebut sambil lalu":
        "Main: articles about their topic; mentioned: the topic is mentioned in passing",
    "artikel #{id} tidak ada di arsip": "article #{id} is not in the archive", "editor": "editor",
    "hanya disebut": "mentioned only", "disebut": "mentioned", "isi": "body", "pembuka": "opening",
    "hari ini": "today", "tanpa keterangan": "no reason given", "utama": "main",
    "⚠ Teks diragukan: {reason}. Periksa dengan halaman aslinya.":
        "⚠ Doubtful text: {reason}. Check it against the original page.",
    "✎ Teks dikoreksi oleh {who} ({when}); teks hasil ekstraksi tersimpan.":
        "✎ Text corrected by {who} ({when}); the extracted text is kept.",
    "Satu paragraf per baris. Hapus baris iklan, keterangan foto atau \"Baca juga\"; perbaiki paragraf yang salah. "
    "Teks hasil ekstraksi tetap tersimpan.":
        "One paragraph per line. Remove advert lines, photo captions or \"Read also\"; fix wrong paragraphs. "
        "The extracted text is kept.",
    "Artikel": "Article", "Galeri foto": "Photo gallery", "Video": "Video", "Laporan langsung": "Live report",
    "Halaman indeks": "Index page", "Tanpa teks": "No text", "Galeri, video, laporan langsung":
        "Galleries, videos, live reports", "Semua jenis halaman": "All page kinds", "Topik utama": "Main topic",
    "Topik hanya disebut": "Topic only mentioned", "Utama dan disebut": "Main and mentioned",
    # the editor's tone, the lead photo, the archive search tab
    "(belum ditetapkan)": "(not set)", "Foto utama": "Lead photo", "Klik untuk ukuran penuh": "Click for full size",
    "Nada ini tebakan otomatis; hanya nada yang ditetapkan editor dicetak di kliping":
        "This tone is an automatic guess; only a tone the editor set is printed in the clipping",
    "Tetapkan saran: {tone}": "Use the suggestion: {tone}",
    "Artikel ini belum dimuat di edisi ber-PDF.": "This article is not in an edition with a PDF yet.",
    "Buka PDF edisi": "Open the edition's PDF", "Cari": "Search", "Ekspor hasil": "Export results",
    "Ekspor pilihan…": "Export selection…", "Ekspor semua hasil…": "Export all results…",
    "Ketik kata yang dicari lalu tekan Enter.": "Type the words to find and press Enter.",
    "Mencari…": "Searching…", "Mengekspor…": "Exporting…", "Muat lebih banyak": "Load more",
    "PDF edisi No. {number} tidak ditemukan: {path}": "PDF of edition No. {number} not found: {path}",
    "Terbit": "Published", "mis. 12/2026": "e.g. 12/2026", "relevansi": "relevance", "tanggal": "date",
    "{n} artikel diekspor ke {path}": "{n} articles exported to {path}",
    "{total} hasil, {shown} ditampilkan, urut {order} ({ms} ms)": "{total} results, {shown} shown, by {order} ({ms} ms)",
    # the edition panel: revisions, syndicated stories, why the edition is empty
    "Salinan dicetak…": "Printed copy…", "Salinan dicetak": "Printed copy",
    "Salinan yang dicetak di kliping:": "The copy printed in the clipping:",
    "Berita yang dimuat beberapa media dicetak sekali: pilih salinan mana yang dicetak":
        "A story carried by several media is printed once: choose which copy is printed",
    "Juga dimuat: {media}": "Also published by: {media}",
    "Edisi {label} sudah final; perubahan disusun sebagai revisi.":
        "Edition {label} is final; changes are compiled as a revision.",
    "Buat revisi?": "Make a revision?",
    "Edisi {label} sudah final dan mungkin sudah dikirim. Perubahan akan disusun sebagai Revisi {n} "
    "dengan nomor yang sama; berkas yang sudah dikirim tetap disimpan. Lanjutkan?":
        "Edition {label} is final and may have been sent. Changes will be compiled as Revision {n} with the "
        "same number; the file already sent is kept. Continue?",
}
ENGLISH.update(SETTINGS_ENGLISH)  # Pengaturan and Kirim (ui/settings/, ui/send_dialog.py)
