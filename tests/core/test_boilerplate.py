"""Each boilerplate rule pinned: the line rules of clipper.extract.textclean and the furniture rules of
clipper.extract.body. Every case names the rule it exercises; removing a rule fails its case.
Look-alike story sentences are kept."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from clipper.extract.body import continuation, find_container, read_blocks
from clipper.extract.textclean import clean_text

BEFORE = "Kementerian Agama membuka pendaftaran beasiswa santri bagi lulusan madrasah aliyah tahun ini."
AFTER = "Pendaftaran dibuka hingga akhir bulan melalui laman resmi dan kantor kementerian di daerah."
STORY = "\n".join([BEFORE, AFTER])

# (rule, line): a line the rule removes when it stands between two story paragraphs.
DROPPED = [
    ("promo: baca juga with colon", "Baca juga: Kemenag Gelar Riset Indeks Kerukunan"),
    ("promo: baca juga without colon", "Baca Juga Menag Resmikan Gedung Baru"),
    ("promo: baca pula", "Baca pula: Jemaah Lansia Dapat Pendamping"),
    ("promo: baca lagi", "Baca lagi: Madrasah Digital Diperluas"),
    ("promo: simak juga", "Simak juga: Pelantikan Rektor UIN"),
    ("promo: lihat juga", "Lihat juga: Suasana Manasik Haji"),
    ("promo: tonton juga", "Tonton juga: Festival Hadrah Remaja"),
    ("promo: simak video", 'Simak Video "Cara Madrasah Merawat Toleransi"'),
    ("promo: tonton video", "Tonton video: Santri Rakit Panel Surya"),
    ("promo: saksikan video", "Saksikan video di bawah ini:"),
    ("promo: baca selengkapnya", "Baca selengkapnya di laman kami"),
    ("promo: artikel terkait", "Artikel terkait: Kartu Nikah Digital"),
    ("promo: berita terkait", "Berita terkait: Guru Honorer Madrasah"),
    ("promo: read also", "Read also: Hajj quota for 2026"),
    ("promo: bullet before the label", "• Baca Juga: Beasiswa Santri Dibuka"),
    ("promo: long line that opens with a colon after the label",
     "Baca juga: " + "Kemenag dan pemerintah daerah menyiapkan beasiswa santri berprestasi " * 4),
    ("noise: advertisement", "ADVERTISEMENT"),
    ("noise: misspelt advertisment", "Advertisment"),
    ("noise: scroll to continue with content", "SCROLL TO CONTINUE WITH CONTENT"),
    ("noise: both on one line", "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT"),
    ("noise: scroll untuk melanjutkan membaca", "Scroll untuk melanjutkan membaca"),
    ("noise: lanjutkan membaca with arrow", "Lanjutkan Membaca ↓"),
    ("noise: iklan", "- Iklan -"),
    ("noise: ads", "Ads"),
    ("pager: halaman selanjutnya", "Halaman selanjutnya"),
    ("pager: halaman N", "Halaman 2"),
    ("pager: halaman N dari M", "Halaman 2 dari 3"),
    ("pager: page N of M", "Page 2 of 3"),
    ("pager: selanjutnya with arrows", "Selanjutnya »"),
    ("pager: sebelumnya", "« Sebelumnya"),
    ("pager: numbers", "1 2 3"),
    ("pager: numbers then next", "1 2 3 Selanjutnya"),
    ("pager: N dari M halaman", "2 dari 3 halaman"),
    ("pager: baca selanjutnya", "Baca Selanjutnya"),
    ("pager: baca halaman berikutnya", "Baca halaman berikutnya »"),
    ("pager: gallery counter", "1 / 5"),
    ("pager: foto N dari M", "Foto 2 dari 8"),
    ("widget: video rekomendasi", "Video Rekomendasi"),
    ("widget: berita pilihan", "Berita Pilihan"),
    ("widget: baca juga alone", "Baca juga:"),
    ("widget: jangan lewatkan", "Jangan lewatkan!"),
    ("widget: rekomendasi untuk anda", "Rekomendasi untuk Anda"),
    ("widget: bagikan artikel ini", "Bagikan artikel ini:"),
    ("widget: share", "Share"),
    ("widget: powered by", "Powered by Kanal Mitra"),
    ("widget: lengkapi profil", "Lengkapi profil Anda untuk pengalaman membaca"),
    ("widget: jelajahi", "Jelajahi kanal lain"),
    ("widget: tulis komentar", "Tulis komentar Anda di bawah"),
    ("widget: komentar with count", "Komentar (12)"),
    ("widget: reaction prompt", "Bagaimana perasaan Anda setelah membaca berita ini?"),
    ("embed: placeholder", "[Gambas:Video 20detik]"),
    ("embed: view this post on instagram", "View this post on Instagram"),
    ("embed: lihat postingan ini di instagram", "Lihat postingan ini di Instagram"),
    ("embed: a post shared by", "A post shared by Komunitas Tuli Kota (@tulikota)"),
    ("embed: sebuah kiriman dibagikan oleh", "Sebuah kiriman dibagikan oleh Remaja Masjid (@remajamasjid)"),
    ("embed: pic.twitter.com", "Alhamdulillah buku sudah sampai pic.twitter.com/AbC123xyz"),
    ("embed: tweet credit", "— Relawan Pustaka (@relawanpustaka) November 14, 2025"),
    ("syndicated: artikel ini telah tayang", "Artikel ini telah tayang di Kabar Uji dengan judul Santri Berprestasi"),
    ("dateline only: media and date", "Kompas.com - 28/05/2025, 05:33 WIB"),
    ("dateline only: day date time", "Kamis, 20 November 2025 09:15 WIB"),
    ("label: editor", "Editor: Siti Rahmawati"),
    ("label: penulis", "Penulis: Ahmad Fauzi"),
    ("label: sumber", "Sumber : Antara"),
    ("label: pewarta", "Pewarta: Fauzan Hakim"),
    ("label: fotografer", "Fotografer: Humas Kankemenag"),
    ("label: copyright sign", "© 2025 Kabar Uji. Hak cipta dilindungi."),
    ("label: copyright word", "Copyright ANTARA 2025"),
    ("label: hashtag", "#KemenagMelayani"),
    ("byline: names without colon", "Penulis Tria Sutrisna | Editor Irfan Maullana"),
    ("byline: after a bar", "| Editor: Irfan Maullana"),
    ("table row: credit in cells", "| Redaktur | : | Rina Marlina |"),
    ("table row: source in one cell", "| Sumber : kemenag.go.id |"),
    ("table row: separator", "|---|---|---|"),
    ("byline: oleh with the time", "Oleh Johan Santoso pada 22 Nov 2025, 07:00 WIB"),
    ("byline: oleh alone", "Oleh: Yusuf Maulana"),
    ("label: laporan wartawan without colon", "Laporan Wartawan TribunSolo.com, Dwi Prasetyo"),
    ("label: laporan reporter without colon", "Laporan Reporter Warta Uji, Lukman Hakim"),
    ("rights notice: no copying", "Dilarang mengutip, menyalin, atau mengindeks isi laman ini tanpa izin tertulis."),
    ("rights notice: no taking content", "Dilarang keras mengambil konten situs ini tanpa izin tertulis dari redaksi."),
    ("initials: two codes", "(mdk/yan)"),
    ("initials: three codes", "(kpl/pur/ums)"),
    ("initials: bare codes", "fbn/ysl"),
    ("initials: stars", "(***)"),
    ("initials: stars and a name", "(***/Jenly Wenur)"),
    ("caption: credit in parentheses", "Santri memilah sampah di belakang asrama. (Foto: Dok. Pondok)"),
    ("caption: foto label", "Menag menggunting pita peresmian gedung. Foto: Humas Kemenag"),
    ("caption: stock agency", "Ilustrasi remaja bermain gawai. Shutterstock"),
    ("caption: dok at the end", "Satuan gugus tugas di pusat perbelanjaan. Dok"),
    ("channel promo: telegram", "Dapatkan update berita pilihan setiap hari. Mari bergabung di Grup Telegram kami."),
    ("channel promo: google news", "Ikuti berita terkini Warta Nusantara di Google News, klik di sini."),
    ("channel promo: whatsapp", "Simak breaking news dan berita pilihan kami langsung di WhatsApp Channel."),
    ("channel promo: app", "Unduh aplikasi Warta Nusantara di Play Store untuk membaca tanpa iklan."),
    ("channel promo: app without ads", "Baca Berita Terbaru Tanpa Terganggu Banyak Iklan"),
    ("widget: loading", "Loading..."),
    ("widget: site tagline", "KABARUJI.com: Berita Terpercaya"),
    ("widget: live streaming", "Live Streaming"),
    ("counter: comments", "0 Komentar"),
    ("counter: shares", "13 Shares"),
    ("counter: views with a thousands dot", "1.229 Views"),
    ("counter: kali dibaca", "250 kali dibaca"),
    ("comment disclaimer", "Disclaimer : Komentar adalah pendapat pribadi pembaca, bukan sikap redaksi Kabar Uji."),
    ("pager: page numbers then show all", "Halaman: 1 2 Show All"),
    ("pager: page numbers then selanjutnya", "Halaman 1 2 3 Selanjutnya"),
    ("promo: pilihan editor with a headline", "Pilihan Editor: Jadwal Manasik Haji Diumumkan"),
    ("widget: jangan lewatkan with a few words", "Jangan Lewatkan Video Terbaru:"),
    ("widget: klik di sini prompt", "Klik di sini untuk mendapatkan update berita terkini setiap hari"),
    ("widget: tag line", "Tag: madrasah beasiswa santri"),
    ("widget: topik pilihan line", "Topik Pilihan: Musim Haji 2026"),
    ("channel: follow the medium's other news", "Ikuti Berita Kabar Uji Lainnya"),
    ("channel: saksikan live streaming", "Saksikan live streaming program-program kami di sini"),
    ("channel: update in our news channel", "Update berita terkini dan viral setiap hari di kanal berita kami"),
    ("promo: tribun's bare baca with a colon", "Baca: Santri Kota Uji Juarai Lomba Kaligrafi"),
    ("promo: lihat video with a colon", "Lihat Video: Suasana Manasik Haji di Asrama"),
    ("pager: lanjut ke halaman berikutnya", "Lanjut ke halaman berikutnya"),
    ("pager: tampilkan semua", "Tampilkan Semua"),
    ("pager: show all", "Show All"),
    ("noise: gulir ke bawah", "Gulir ke bawah untuk melanjutkan membaca"),
    ("noise: scroll ke bawah", "Scroll ke bawah untuk melanjutkan membaca"),
    ("noise: konten berlanjut", "Konten berlanjut di bawah ini"),
    ("noise: iklan then gulir", "Iklan - Gulir untuk melanjutkan"),
    ("credit: medium and reporter", "(Tribunnews.com/Rina Marlina)"),
    ("credit: agency in capitals", "(ANTARA)"),
    ("credit: code with a digit", "(mcr9/jpnn)"),
    ("caption: medium and photographer", "Suasana rapat kerja di gedung parlemen. (Kabar Uji/Andi Pratama)"),
    ("caption: social account", "Tangkapan layar video warga di halte (Instagram/@wargakotauji)"),
    ("caption: agency photo credit", "Petugas memeriksa suhu tubuh jemaah. ANTARA FOTO/Andi Pratama/foc."),
    ("caption: stock library", "Ilustrasi ruang kelas madrasah. (Pixabay)"),
    ("widget: section name", "Terpopuler"),
    ("widget: menu entry", "Beranda"),
    ("widget: footer link", "Kebijakan Privasi"),
    ("widget: original article", "Artikel Asli"),
    ("widget: reading time", "Waktu baca: 3 menit"),
    ("widget: reading time in english", "3 min read"),
    ("widget: audio player", "Dengarkan berita ini"),
    ("widget: copy link", "Salin Link"),
    ("widget: link copied", "Tautan disalin"),
    ("widget: berikut videonya", "Berikut videonya:"),
    ("stamp: updated with date and time", "Diperbarui 5 Des 2025, 12:00 WIB"),
    ("stamp: last update time", "Pembaruan terakhir pada 12.00 WIB"),
    ("dateline only: weekday without a comma", "Jumat 10 Okt 2025 - 09:00"),
    ("syndicated: konten ini telah tayang", "Konten ini telah tayang di Kabar Uji dengan judul Santri Berprestasi"),
    ("syndicated: updated note", "Berita ini telah diperbarui pada Senin, 1 Desember 2025"),
    ("syndicated: detik's read the article", 'Baca artikel kabarujinews, "Santri Juara Kaligrafi" selengkapnya '
                                             "https://kabaruji.test/berita/d-1/santri"),
    ("channel promo: download apps", "Download Apps Kabar Uji Sekarang https://apps.kabaruji.test/"),
    ("channel promo: newsletter by mail", "Dapatkan berita terbaru langsung di email Anda setiap pagi"),
    ("channel promo: langganan newsletter", "Langganan newsletter kami"),
    ("pager: halaman alone", "Halaman"),
    ("pager: a lone page number", "2"),
    ("share: a network's name alone", "WhatsApp"),
    ("share: bagikan ke a network", "Bagikan ke Facebook"),
    ("tools: print", "Cetak"),
    ("tools: font size", "A- A+"),
    ("comments: login prompt", "Masuk untuk berkomentar"),
    ("comments: none yet", "Belum ada komentar"),
    ("sponsor label", "Konten Bersponsor"),
    ("photo button: lihat foto", "Lihat Foto"),
    ("widget: selengkapnya alone", "Selengkapnya"),
    ("widget: pilihan untukmu", "Pilihan Untukmu"),
    ("widget: terpopuler minggu ini", "Terpopuler Minggu Ini"),
    ("channel promo: fewer ads", "Baca berita dengan sedikit iklan, klik di sini"),
    ("credit: contributor and editor in parentheses", "(Kontributor: Rina Marlina/Editor: Andi Pratama)"),
    ("label: laporan wartawan without a comma", "Laporan wartawan Kabaruji.com Andi Pratama"),
    ("marks only", "#"),
    ("channel promo: starred fact-check prompt", "* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi yang "
                                                 "beredar, silakan WhatsApp ke nomor Cek Fakta Kabar Uji 0811 0000 000."),
]

# Story sentences that look like boilerplate and must stay.
KEPT = [
    ("promo words inside a sentence", "Menurut dia, orang tua perlu baca juga buku bersama anak di rumah."),
    ("a long paragraph after lihat juga", "Lihat juga " + "bagaimana pemerintah menyiapkan anggaran guru honorer, " * 5),
    ("a channel named in a sentence", "Kominfo meminta warga mengikuti kanal resmi di Telegram untuk informasi bencana."),
    ("halaman as a courtyard", "Halaman sekolah itu dipakai untuk upacara setiap Senin pagi."),
    ("iklan as a subject", "Iklan rokok dilarang di sekitar madrasah, kata pejabat dinas."),
    ("a parenthesised acronym", "Ketua Umum Pengurus Besar Nahdlatul Ulama (PBNU) hadir dalam acara itu."),
    ("a quotation ending in a credit-like word", '"Semua berkas sudah kami foto: dokumen lengkap."'),
    ("sumber as a source of water", "Sumber air di desa itu mengering sejak kemarau panjang tahun lalu."),
    ("a share of people", "Share atau porsi peserta perempuan naik menjadi empat puluh persen tahun ini."),
    ("a sentence about comments", "Komentar warganet di media sosial terbelah menanggapi kebijakan baru tersebut."),
    ("a date inside a sentence", "Sidang dijadwalkan pada Kamis, 20 November 2025 pukul 09.15 WIB di gedung utama."),
    ("oleh karena itu", "Oleh karena itu, pemerintah daerah menyiapkan anggaran tambahan untuk madrasah."),
    ("oleh as a sentence", "Oleh Menteri Agama, gedung itu diresmikan pada pagi hari."),
    ("laporan wartawan in a sentence", "Laporan wartawan itu, kata polisi, sudah diterima sejak pekan lalu."),
    ("a sentence opening with the site's name", "Kabaruji.com: redaksi menerima surat pembaca tentang madrasah."),
    ("a table row of data", "| Madrasah Aliyah | 120 | 98 |"),
    ("a count of comments in a sentence", "Sebanyak 120 komentar masuk ke kotak saran madrasah pekan ini."),
    ("a disclaimer sentence in the story", "Disclaimer itu, kata dia, tidak pernah dibacakan dalam rapat."),
    ("a subheading in capitals inside the story", "PENDAFTARAN DARING"),
    ("a prohibition in the story", "Dilarang merokok di area madrasah tanpa izin tertulis kepala sekolah, kata petugas."),
    ("pilihan editor inside a sentence", "Pilihan editor majalah itu jatuh pada liputan tentang guru madrasah di pedalaman."),
    ("a canal named after a channel verb", "Pantau kanal banjir timur, petugas berjaga sepanjang malam di pintu air."),
    ("a tag word in a sentence", "Tag nama di seragam santri kini memakai kode batang untuk absensi."),
    ("klik as a sound", "Klik kamera terdengar ketika menteri meninjau ruang kelas baru itu."),
    ("lihat video as a verb", "Lihat video itu, polisi langsung bergerak ke lokasi kejadian."),
    ("berikut video in a sentence", "Berikut video yang diunggah akun tersebut di media sosial."),
    ("capital abbreviations in parentheses", "Bantuan disalurkan melalui pengurus rukun tetangga dan rukun warga (RT/RW)."),
    ("a date in parentheses", "Hasil sidang dibacakan pada Kamis (5/12)."),
    ("an e-mail tip", "Cek email secara berkala, kata pakar keamanan siber itu."),
    ("a recommendations heading", "Rekomendasi"),
    ("a broadcast time", "Tayang pukul 20.00 WIB di kanal televisi daerah."),
    ("a web address in parentheses", "Pendaftaran dibuka melalui laman resmi. ( www.kemenag.go.id )"),
    ("a starred list item", "* Jemaah wajib membawa paspor dan buku kesehatan."),
    ("suka opening a sentence", "Suka atau tidak, kebijakan itu tetap berlaku mulai tahun depan."),
    ("a network as the subject", "Facebook menghapus akun penyebar hoaks tentang jadwal haji itu."),
    ("cetak biru", "Cetak biru pembangunan madrasah disusun tahun ini oleh kantor wilayah."),
    ("selengkapnya opening a sentence", "Selengkapnya, jadwal pendaftaran diumumkan di laman resmi kementerian."),
]


@pytest.mark.parametrize("rule, line", DROPPED, ids=[rule for rule, _ in DROPPED])
def test_a_boilerplate_line_between_story_paragraphs_is_dropped(rule, line):
    """The rule removes its line; the story paragraphs around it stay in order."""
    assert clean_text(f"{BEFORE}\n{line}\n{AFTER}") == STORY


@pytest.mark.parametrize("rule, line", KEPT, ids=[rule for rule, _ in KEPT])
def test_a_story_sentence_that_looks_like_boilerplate_is_kept(rule, line):
    """A sentence that merely contains a marker word stays where it is."""
    assert clean_text(f"{BEFORE}\n{line}\n{AFTER}") == f"{BEFORE}\n{line.strip()}\n{AFTER}"


@pytest.mark.parametrize("heading", ["Berita Terkait", "Artikel Lainnya", "Rekomendasi untuk Anda",
                                     "Terkini Lainnya", "Tags:", "Topik Terkait", "Kata Kunci", "Komentar"])
def test_an_end_heading_after_the_story_ends_it(heading):
    """An end-of-story heading after enough story cuts what follows (lists of other stories)."""
    story = "\n".join([BEFORE, AFTER] * 4)
    assert clean_text(f"{story}\n{heading}\nKemenag Siapkan Beasiswa\nJemaah Lansia Dapat Pendamping") == story


def test_an_end_heading_at_the_top_is_only_a_label():
    """The same heading before any story is a kicker-like label: the story after it is kept."""
    assert clean_text(f"Kata Kunci\n{BEFORE}\n{AFTER}") == f"Kata Kunci\n{STORY}"


def test_a_short_label_repeated_on_the_page_is_dropped():
    """A short non-sentence line standing twice (a caption under every photo) goes."""
    assert clean_text(f"Dok. Humas Kanwil\n{BEFORE}\nDok. Humas Kanwil\n{AFTER}") == STORY


LONG_CREDITS = ("Editor: Rina Marlina, Penyunting Bahasa: Siti Aminah, Fotografer: Humas Kanwil Kemenag Provinsi "
                "Jawa Tengah, Videografer: Tim Multimedia")


@pytest.mark.parametrize("ending", ["Editor: Rina Marlina", "Penulis: Ahmad Fauzi", "© Kabar Uji", "(ant)", "(DRM)",
                                    LONG_CREDITS, "RINA MARLINA", "KABAR UJI | RINA MARLINA"])
def test_credit_lines_at_the_end_are_dropped(ending):
    """Trailing label, copyright and initials lines go from the end of the text."""
    assert clean_text(f"{STORY}\n{ending}") == STORY


@pytest.mark.parametrize("code", ["(mdk/yan)", "(ant)", "[sc]", "(fby/dal)", "(Tribunnews.com/Rina Marlina)",
                                  "(Antara)"])
def test_an_editor_code_closing_the_last_paragraph_is_cut(code):
    """An editor code after the last sentence is cut from it; the sentence stays."""
    assert clean_text(f"{BEFORE}\n{AFTER} {code}") == STORY


def test_a_table_of_contents_before_the_story_is_left_out():
    """detik's "Daftar Isi" box lists the story's subheadings before it; the subheadings stay in the story."""
    text = "\n".join(["Daftar Isi", "1. Syarat Pendaftaran", "2. Jadwal Seleksi", f"Jakarta - {BEFORE}",
                     "1. Syarat Pendaftaran", AFTER])
    assert clean_text(text) == "\n".join([f"Jakarta - {BEFORE}", "1. Syarat Pendaftaran", AFTER])


def test_tags_as_bare_lower_case_words_closing_the_text_are_left_out():
    """detik closes a text with its tags as plain lower-case words; a story sentence is never all lower case."""
    assert clean_text(f"{STORY}\nbeasiswa santri madrasah aliyah kemenag") == STORY


@pytest.mark.parametrize("dateline", ["Jakarta -", "Doha –", "JAKARTA, KOMPAS.com -", "Sleman (Kemenag) ---"])
def test_a_dateline_standing_alone_opens_the_lead(dateline):
    """A place-and-dash dateline set apart from the first paragraph (detik) is joined to it."""
    assert clean_text(f"{dateline}\n{BEFORE}\n{AFTER}") == f"{dateline} {BEFORE}\n{AFTER}"


def test_spaces_are_normalised_and_invisible_characters_removed():
    """Non-breaking, thin and zero-width spaces, soft hyphens and empty lines are tidied."""
    assert clean_text(f"  Satu\u00a0dua\u200b \u2009tiga\u00ad \n\n\t\n{BEFORE}") == f"Satu dua tiga\n{BEFORE}"


# --- furniture in the story's container (clipper.extract.body) ----------------------------------

STORY_P = ("<p>Kementerian Agama membuka pendaftaran beasiswa santri bagi lulusan madrasah aliyah.</p>",
           "<p>Pendaftaran dibuka hingga akhir bulan melalui laman resmi kementerian di daerah.</p>")
STORY_LINES = ["Kementerian Agama membuka pendaftaran beasiswa santri bagi lulusan madrasah aliyah.",
               "Pendaftaran dibuka hingga akhir bulan melalui laman resmi kementerian di daerah."]
FURNITURE = "<p>Teks perabot halaman yang tidak boleh masuk ke dalam naskah berita apa pun.</p>"


def _read(inside: str) -> list[str]:
    container = fromstring(f'<div class="content">{STORY_P[0]}{inside}{STORY_P[1]}</div>')
    return read_blocks(container)


# Class names real Indonesian media give to what is not the story, one per NOT_STORY word.
FURNITURE_CLASSES = [
    "ads-on-body", "ad", "advertisement", "iklan-tengah", "banner-lb", "promo-box", "related-news",
    "berita-terkait", "rekomendasi", "recommendation-box", "baca-juga", "bacajuga", "read-also", "readalso",
    "lihat-juga", "also-read", "share-box", "sosmed-artikel", "social-share", "comment", "comments", "komentar",
    "tag", "tags", "topik", "breadcrumb", "breadcrumbs", "author", "penulis", "editor", "byline", "caption",
    "credit", "credits", "copyright", "video-box-wrap", "embed-container", "twitter-tweet", "instagram-media",
    "tiktok-embed", "newsletter", "subscribe", "widget-rekomendasi", "jixie-container", "popular", "populer",
    "terpopuler", "trending", "terbaru", "latest", "terkini", "nav", "menu-bar", "footer", "sidebar", "pagination",
    "pager", "flying-carpet", "parallax", "gpt", "dfp", "outbrain", "taboola", "mgid", "sponsored", "rating",
    "reactions", "inline-link", "box-related", "list-news", "btn", "button", "sr-only", "print", "gallery",
    "photo-gallery", "imageinfo", "image-info", "img-info", "foto-info",
]


@pytest.mark.parametrize("name", FURNITURE_CLASSES)
def test_a_block_classed_as_furniture_is_left_out(name):
    """A block whose class (or id) names furniture is skipped with everything in it."""
    assert _read(f'<div class="x {name}">{FURNITURE}</div>') == STORY_LINES
    assert _read(f'<div id="{name}">{FURNITURE}</div>') == STORY_LINES


def test_a_class_word_inside_a_longer_word_is_not_furniture():
    """Whole words only: "article-content-body" or "adsense-free" are not "body" or "ads"."""
    assert _read(f'<div class="article-content-body">{FURNITURE}</div>')[1] == FURNITURE[3:-4]
    assert _read(f'<div class="loads">{FURNITURE}</div>')[1] == FURNITURE[3:-4]


@pytest.mark.parametrize("tag", ["script", "style", "noscript", "figure", "figcaption", "aside", "nav", "footer",
                                 "form", "button", "table", "header", "select", "textarea", "template", "object",
                                 "video", "audio", "canvas", "map", "picture"])
def test_a_furniture_element_is_left_out(tag):
    """Scripts, captions, asides, menus, forms, tables and media elements never give story lines."""
    assert _read(f"<{tag}>{FURNITURE[3:-4]}</{tag}>") == STORY_LINES


def test_a_short_hidden_block_is_furniture_and_a_hidden_page_is_story():
    """A hidden modal or menu goes; a hidden page of the story (shown on scroll) is read."""
    assert _read(f'<div style="display: none">{FURNITURE}</div>') == STORY_LINES
    page = "".join(f"<p>Halaman tersembunyi kalimat {i} tentang beasiswa santri dan madrasah.</p>" for i in range(6))
    lines = _read(f'<div style="display:none">{page}</div>')
    assert len(lines) == 8 and lines[1].startswith("Halaman tersembunyi kalimat 0")


def test_a_short_block_of_links_is_a_teaser_and_a_linked_word_in_prose_is_not():
    """A short block that is mostly link text goes; a paragraph with a link in it stays whole."""
    assert _read('<p><a href="/x">Jemaah Lansia Dapat Pendamping Khusus di Bandara</a></p>') == STORY_LINES
    lines = _read('<p>Menurut panitia, <a href="/t">beasiswa</a> dibagikan kepada tiga ribu santri di daerah.</p>')
    assert lines[1] == "Menurut panitia, beasiswa dibagikan kepada tiga ribu santri di daerah."


def test_a_line_of_only_link_text_between_brs_is_a_teaser_and_prose_with_a_link_is_not():
    """Inline lines set between <br>s that are mostly one link ("Jangan Lewatkan" lists) go; an
    inline sentence with a linked name in it stays."""
    lines = _read("<a href='/a'>Jemaah Lansia Dapat Pendamping Khusus</a><br><a href='/b'>Madrasah Digital "
                  "Diperluas ke Daerah</a><br>Menurut panitia, <a href='/t'>beasiswa</a> dibagikan kepada santri.")
    assert lines == [STORY_LINES[0], "Menurut panitia, beasiswa dibagikan kepada santri.", STORY_LINES[1]]


def test_furniture_inside_a_paragraph_is_left_out_and_its_text_kept():
    """An ad or caption span inside a paragraph goes; the words after it stay in the paragraph."""
    lines = _read('<p>Petugas memeriksa berkas <span class="ads">IKLAN</span>calon jemaah di loket.</p>')
    assert lines[1] == "Petugas memeriksa berkas calon jemaah di loket."


def test_line_breaks_and_inline_text_between_blocks_are_lines():
    """<br> separates lines; text directly in the container between blocks is a line of its own."""
    lines = _read("<p>Baris satu tentang santri.<br>Baris dua tentang madrasah.</p>Teks lepas di antara blok.")
    assert lines[1:4] == ["Baris satu tentang santri.", "Baris dua tentang madrasah.", "Teks lepas di antara blok."]


def test_sibling_blocks_of_the_same_kind_carry_the_story_on():
    """A following sibling sharing the container's class and holding prose continues the story;
    one that is also classed as furniture does not."""
    tree = fromstring('<div><div class="paging">' + "".join(STORY_P) + '</div><div class="paging">'
                      '<h2>Subjudul</h2><p>Kalimat lanjutan cerita tentang beasiswa santri di daerah.</p></div>'
                      '<div class="paging related"><p>Kalimat lanjutan yang ternyata kotak berita terkait.</p></div></div>')
    first = tree.find("div")
    assert [element.get("class") for element in continuation(first)] == ["paging"]


SENTENCES = [f"Kalimat cerita nomor {i} tentang pelatihan guru madrasah dan beasiswa santri di daerah." for i in range(5)]
PROMO = "Punya kisah inspiratif dari lingkunganmu? Kirimkan kepada kami lewat formulir ini."


def test_a_stray_paragraph_after_the_story_does_not_widen_its_container():
    """A promo after the story block that trafilatura kept does not make the page wrapper the story."""
    story = "".join(f"<p>{s}</p>" for s in SENTENCES)
    tree = fromstring(f'<html><body><div class="wrap"><div class="story">{story}</div>'
                      f'<div class="promo-kisah"><p>{PROMO}</p></div></div></body></html>')
    assert find_container(tree, [*SENTENCES, PROMO]).get("class") == "story"


def test_a_lead_in_its_own_block_before_the_story_keeps_the_wider_container():
    """The lead set in a block of its own before the rest is part of the story: the wrapper stays."""
    rest = "".join(f"<p>{s}</p>" for s in SENTENCES[1:])
    tree = fromstring(f'<html><body><div class="wrap"><div class="lead"><p>{SENTENCES[0]}</p></div>'
                      f'<div class="story">{rest}</div></div></body></html>')
    assert find_container(tree, SENTENCES).get("class") == "wrap"


def test_a_furniture_block_holding_most_seed_text_is_never_the_story_block():
    """A long promo block before the story (trafilatura's first seed) does not become the container."""
    story = "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
    promo = "Langganan paket premium kami dan nikmati ratusan artikel pilihan setiap hari. " * 10
    tree = fromstring(f'<html><body><div class="promo"><p>{promo}</p></div><div class="story">{story}</div>'
                      '</body></html>')
    assert find_container(tree, [promo, *SENTENCES[:2]]).tag == "body"
