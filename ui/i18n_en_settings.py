"""The English catalogue of Pengaturan (ui/settings/) and the Kirim dialog; merged into ui.i18n_en."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

SETTINGS_ENGLISH: dict[str, str] = {
    # the dialog
    "Editor dan kliping": "Editor and clipping", "Email": "Email", "Simpan": "Save", "Batal": "Cancel",
    "Belum dapat disimpan: {first}": "Cannot be saved yet: {first}", " (dan {n} lagi)": " (and {n} more)",
    "Email: {field}: {message}": "Email: {field}: {message}", "Arsip: {message}": "Archive: {message}",
    "Sumber {name}: {field}: {message}": "Source {name}: {field}: {message}",
    "Pengaturan disimpan, tetapi kata sandi tidak: {error}": "Settings saved, but not the password: {error}",
    "Satu istilah per baris; menambah aturan bawaan topik ini":
        "One term per line; added to this topic's built-in rules",
    "Istilah tambahan": "Extra terms", " menit": " minutes", "mati": "off", "Nama editor": "Editor's name",
    "Bahasa antarmuka (berlaku saat dibuka lagi)": "Interface language (applies after a restart)",
    "Nama lembaga di PDF (satu per baris)": "Institution names in the PDF (one per line)",
    "Panen terjadwal selama aplikasi terbuka": "Scheduled harvest while the app is open",
    # sources
    "Centang sumber yang dipanen.": "Tick the sources to harvest.", "Tambah sumber": "Add source",
    "Hapus sumber…": "Remove source…", "Hapus sumber": "Remove source", "Hapus": "Remove", "Sumber baru": "New source",
    "Hapus sumber “{name}” dari daftar?\n\nBerlaku saat Simpan; artikel yang sudah dipanen dari sumber ini tetap "
    "di arsip.": "Remove the source “{name}” from the list?\n\nTakes effect on Save; articles already harvested "
                 "from it stay in the archive.",
    "Pilih sumber yang akan dihapus.": "Select the source to remove.",
    "{name} dihapus dari daftar; berlaku saat Simpan (Batal untuk mengurungkan). Artikel yang sudah dipanen tetap "
    "di arsip.": "{name} removed from the list; takes effect on Save (Cancel to undo). Articles already harvested "
                 "stay in the archive.",
    "Uji sumber ini": "Test this source", "Hasil “Uji sumber ini” tampil di sini.": "“Test this source” shows its result here.",
    "Ambil alamat ini sekarang dan tampilkan tautan artikel yang ditemukan":
        "Fetch this address now and list the article links found",
    "Pilih sumber atau tambah sumber baru.": "Select a source or add a new one.",
    "Perbaiki isian yang bertanda merah dulu, lalu uji lagi.": "Correct the fields marked in red first, then test again.",
    "Menguji {name} …": "Testing {name} …", "{name}: gagal — {error}": "{name}: failed — {error}",
    "{name}: {n} tautan artikel": "{name}: {n} article links",
    # a source's fields
    "Nama media": "Media name", "name: nama media yang dilihat editor dan pembaca":
        "name: the media name editors and readers see",
    "Jenis sumber": "Kind of source", "Di berkas: feed, site atau sitemap": "In the file: feed, site or sitemap",
    "Umpan berita (RSS/Atom)": "News feed (RSS/Atom)", "feed: alamat umpan RSS atau Atom media itu":
        "feed: the address of the medium's RSS or Atom feed",
    "Halaman rubrik": "Section page", "site: halaman rubrik atau indeks; tautan artikelnya dipilih dengan pola":
        "site: a section or index page; its article links are chosen by a pattern",
    "Peta situs (sitemap)": "Site map (sitemap)",
    "sitemap: peta situs berita (news sitemap) atau indeks peta situs": "sitemap: a news sitemap or a sitemap index",
    "Alamat": "Address", "Alamat (URL) umpan, halaman rubrik atau peta situs":
        "Address (URL) of the feed, section page or site map",
    "Pola tautan artikel": "Article link pattern", "mis. /berita/[^/]+$": "e.g. /berita/[^/]+$",
    "article_pattern: ekspresi reguler (regex) alamat tautan yang merupakan artikel; hanya untuk halaman rubrik":
        "article_pattern: a regular expression (regex) matching the links that are articles; section pages only",
    "Rubrik": "Section", "rubrik: nama rubrik yang dicatat pada artikelnya (opsional)":
        "rubrik: the section name recorded on its articles (optional)",
    "Bahasa": "Language", "language: bahasa artikel sumber ini": "language: the language of this source's articles",
    "Indonesia": "Indonesian", "Inggris": "English", "Arab": "Arabic",
    "Umpan pencarian kata kunci: nama media diambil dari tiap artikel":
        "Keyword search feed: the media name is taken from each article", "aggregator: true": "aggregator: true",
    "Tautan terbaru per panen": "Newest links per harvest",
    "max_items: berapa tautan terbaru yang diambil tiap panen": "max_items: how many of the newest links each harvest takes",
    "Jeda antarpermintaan": "Delay between requests", " detik": " seconds",
    "delay: jeda minimum antara dua permintaan ke situs ini": "delay: the least time between two requests to this site",
    "Permintaan bersamaan": "Concurrent requests", "bawaan": "default",
    "concurrency: permintaan bersamaan ke situs ini; bawaan: pengaturan panen":
        "concurrency: concurrent requests to this site; default: the harvest setting",
    "Batas waktu per permintaan": "Time limit per request",
    "timeout: batas waktu total satu permintaan; bawaan: pengaturan panen":
        "timeout: the total time limit of one request; default: the harvest setting",
    "Petunjuk pembacaan halaman (opsional, selektor CSS)": "Page reading hints (optional, CSS selectors)",
    "Bagian isi berita": "Story body", "extract.body: selektor CSS bagian yang memuat berita, satu per baris":
        "extract.body: CSS selectors of the part holding the story, one per line",
    "Bagian yang dibuang": "Parts to drop",
    "extract.drop: selektor CSS iklan, “Baca juga” dan sejenisnya, satu per baris":
        "extract.drop: CSS selectors of adverts, “Read also” and the like, one per line",
    "Tautan halaman berikutnya": "Next page link",
    "extract.next_page: selektor CSS tautan ke halaman berikutnya dari berita yang sama":
        "extract.next_page: CSS selector of the link to the same story's next page",
    # email
    "Kosongkan server untuk tidak memakai email. Kata sandi disimpan di penyimpan kata sandi sistem (keyring), "
    "tidak pernah di berkas pengaturan.": "Leave the server empty to use no email. The password is kept in the "
                                          "system's password store (keyring), never in the settings file.",
    "Server email keluar": "Outgoing mail server", "host: server SMTP, mis. smtp.kemenag.go.id":
        "host: the SMTP server, e.g. smtp.kemenag.go.id",
    "Pengamanan sambungan": "Connection security", "security: starttls, ssl atau none": "security: starttls, ssl or none",
    "Enkripsi setelah terhubung (STARTTLS)": "Encrypted after connecting (STARTTLS)",
    "security: starttls — biasanya nomor saluran (port) 587": "security: starttls — usually port 587",
    "Enkripsi sejak awal (SSL/TLS)": "Encrypted from the start (SSL/TLS)",
    "security: ssl — TLS sejak awal; biasanya nomor saluran (port) 465":
        "security: ssl — TLS from the start; usually port 465",
    "Tanpa enkripsi": "No encryption",
    "security: none — kata sandi dan isi terkirim terbuka; hanya untuk server di jaringan sendiri; biasanya nomor "
    "saluran (port) 25": "security: none — password and content travel in the clear; only for a server on your own "
                         "network; usually port 25",
    "Nomor saluran": "Port", "port: 587 untuk STARTTLS, 465 untuk SSL/TLS, 25 tanpa enkripsi":
        "port: 587 for STARTTLS, 465 for SSL/TLS, 25 without encryption",
    "Nama pengguna (login)": "User name (login)",
    "username: nama akun di server email; kosongkan bila server tidak meminta login":
        "username: the account on the mail server; leave empty when the server asks for no login",
    "Kata sandi": "Password",
    "Disimpan di penyimpan kata sandi sistem (keyring), tidak pernah di berkas pengaturan":
        "Kept in the system's password store (keyring), never in the settings file",
    "Disimpan di penyimpan kata sandi sistem (keyring) saat Simpan, tidak di berkas. Kosongkan untuk tetap memakai "
    "yang sudah tersimpan.": "Kept in the system's password store (keyring) on Save, not in the file. Leave empty "
                             "to keep the one already stored.",
    "{problem} Kata sandi yang diketik di sini hanya dipakai untuk email uji selama jendela ini terbuka.":
        "{problem} A password typed here is only used for the test email while this window is open.",
    "Variabel lingkungan {env} terisi: kata sandi itu yang dipakai saat mengirim.":
        "The environment variable {env} is set: that password is used when sending.",
    "kosong: tidak diubah": "empty: unchanged", "hanya untuk email uji": "only for the test email",
    "Isi server dan nama pengguna (login) dulu: kata sandi dipakai untuk login dengan nama itu di server itu.":
        "Fill in the server and the user name (login) first: the password is used to log in with that name on "
        "that server.",
    "Alamat pengirim": "Sender address", "sender: alamat email pengirim kliping": "sender: the clipping's sender address",
    "Nama pengirim": "Sender name", "sender_name: nama yang tampil sebagai pengirim": "sender_name: the name shown as sender",
    "recipients: satu per baris, Nama <alamat> atau alamat saja":
        "recipients: one per line, Name <address> or just the address",
    "Satu pesan untuk semua penerima (alamat saling tersembunyi)":
        "One message to all recipients (addresses hidden from each other)",
    "bcc: satu pesan dengan semua penerima sebagai tembusan tersembunyi (BCC); tanpa centang: satu pesan untuk tiap "
    "penerima": "bcc: one message with every recipient as a blind copy (BCC); unticked: one message per recipient",
    "Judul email": "Email subject", "subject: kosong memakai bawaan; boleh memakai {keys}":
        "subject: empty uses the default; may use {keys}",
    "Isi email": "Email body", "body: kosong memakai bawaan; boleh memakai {keys}":
        "body: empty uses the default; may use {keys}",
    "Ukuran lampiran paling besar": "Largest attachment",
    "max_attachment_mb: PDF yang lebih besar tidak dikirim": "max_attachment_mb: a larger PDF is not sent",
    "Batas waktu sambungan": "Connection time limit", "timeout: detik menunggu server email":
        "timeout: seconds to wait for the mail server",
    "Sertifikat server khusus": "Own server certificate",
    "ca_file: berkas sertifikat CA (PEM) bila server email memakai sertifikat lembaga sendiri; kosong: sertifikat "
    "sistem": "ca_file: a CA certificate file (PEM) when the mail server uses the institution's own certificate; "
              "empty: the system's certificates",
    "Pilih…": "Choose…", "Pilih sertifikat server": "Choose the server certificate",
    "Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)": "Certificates (*.pem *.crt *.cer);;All files (*)",
    "Kirim uji ke": "Send the test to", "kosong: ke alamat pengirim": "empty: to the sender address",
    "Pesan uji singkat tanpa lampiran, dengan isian di atas": "A short test message without attachment, with the fields above",
    "Kirim email uji": "Send a test email", "Mengirim email uji ke {host}…": "Sending a test email through {host}…",
    "Email uji terkirim.": "Test email sent.", "Email uji tidak terkirim ke semua alamat.":
        "The test email did not reach every address.", "Email uji gagal: {error}": "Test email failed: {error}",
    "Perbaiki isian email yang bertanda merah (server, pengirim) dulu.":
        "Correct the email fields marked in red (server, sender) first.",
    "terkirim": "sent", "gagal sementara": "temporarily failed",
    # the Kirim dialog
    "Waktu": "Time", "Edisi": "Edition", "Kode": "Code", "ID pesan": "Message ID",
    "Kode balasan server email (SMTP)": "The mail server's reply code (SMTP)",
    "Message-ID: tanda pengenal pesan, untuk melacaknya di server email":
        "Message-ID: the message's identifier, to trace it on the mail server",
    "Kata sandi email": "Email password",
    "Kata sandi disimpan di penyimpan kata sandi sistem (keyring).":
        "Password kept in the system's password store (keyring).",
    "Email belum diatur: isi server, alamat pengirim dan penerima di Pengaturan → Email.":
        "Email is not set up: fill in the server, sender and recipients in Settings → Email.",
    "Kliping No. {number} ({day}) masih draf: difinalkan (isinya dibekukan) sebelum dikirim.":
        "Clipping No. {number} ({day}) is a draft: it is finalised (its content frozen) before sending.",
}
