"""Cleaning extracted article text of what Indonesian media put inside and around bodies.

Each rule removes whole lines (paragraphs) only; a sentence that merely contains a marker word
stays. The rules, from what real pages of detik, Kompas, Tribun, KLY (Liputan6, Merdeka,
KapanLagi, Fimela), Okezone, Media Indonesia and regional media put in the text:

- teaser links: "Baca juga: …", "Lihat juga", "Simak juga", "Tonton video …", "Artikel terkait";
- widget labels standing alone: "Video Rekomendasi", "Berita Pilihan", "Jangan lewatkan";
- end of the story: a heading such as "Berita Lainnya", "Artikel Terkait", "Rekomendasi untuk
  anda", "Terkini Lainnya", "Tags", "Topik" after the story ends it (what follows is lists);
- ad and scroll markers ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"), pagers ("Halaman
  selanjutnya", "2 dari 3 halaman", "1 2 3 »"), gallery counters ("1 / 5"), "Lanjutkan membaca";
- channel and app promos: "Ikuti berita … di Google News", WhatsApp/Telegram channels, "Baca
  berita tanpa iklan", newsletter prompts; share and rating prompts; comment prompts;
- embedded posts: "View this post on Instagram", "A post shared by …", tweet credit lines,
  "pic.twitter.com/…", embed placeholders "[Gambas:Video 20detik]";
- captions and photo credits ("… (Foto: Antara)", "Ilustrasi … Dok. Istimewa");
- bylines, editor, source and copyright lines ("Penulis: …", "Editor: …", "Sumber: …", "©",
  "Oleh Name pada <date>", "Laporan Wartawan <media>, Name"), no-copying notices ("Dilarang
  mengutip … tanpa izin tertulis"), editor codes ("(mdk/yan)", "(kpl/pur/ums)") wherever they
  stand as a line, and at the end of the last paragraph; syndication notes ("Artikel ini telah
  tayang di …");
- date-only lines (a dateline apart from the story: "Kompas.com - 28/05/2021, 05:33 WIB");
- short labels repeated on the page (a caption shown under every photo);
- a site's tagline ("KOMPAS.com: Berita Terpercaya"), a "Live Streaming" label; "Pilihan Editor: …"
  teasers, "Tag: …" and "Topik Pilihan: …" lines, "Klik di sini …" prompts, pagers ending "Show All";
- table rows that are separators or credits in cells ("| Redaktur | : | Name |");
- counters standing alone ("0 Komentar", "13 Shares", "1.229 Views") and the comment form's
  disclaimer ("Disclaimer : Komentar adalah tanggapan pribadi …");
- the reporter's name in capitals closing the story ("DINI TEJA", Tempo);
- the medium's or agency's credit under or closing the story ("(Tribunnews.com/Name)", "(ANTARA)",
  "(mcr9/jpnn)"), and photo credits naming a medium and a photographer, a social account or an agency
  ("(CNN Indonesia/Name)", "(Instagram/@akun)", "ANTARA FOTO/Name");
- scroll and continue prompts in every wording ("Gulir ke bawah untuk melanjutkan membaca", "Lanjut ke
  halaman berikutnya", "Tampilkan semua"), Tribun's bare "Baca: <headline>", "Lihat Video: …";
- menu, footer and widget names standing alone ("Terpopuler", "Beranda", "Pedoman Media Siber", which
  ends the story), reading time, the audio player's and the copy-link button's labels, the page's
  time stamps ("Diperbarui 5 Des 2022, 12:00 WIB"), starred reader prompts ("* … silakan WhatsApp ke
  nomor …"), detik's "Baca artikel detiknews, "…" selengkapnya";
- a table of contents ("Daftar Isi" and the headings under it, which come again in the story) and
  the tags as bare lower-case words closing the text (detik); "Halaman" and lone page numbers.

A dateline set apart from the lead ("Jakarta -" before detik's first paragraph) is joined to it.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

# "Baca juga"-style lines longer than this are real paragraphs, not promo links (promo
# lines hold a marker plus one headline: under 200 characters on real pages).
PROMO_MAX_CHARS = 200
# Social-channel promos ("Dapatkan update berita ... Telegram") are one or two sentences.
CHANNEL_PROMO_MAX_CHARS = 400
# Ad markers, pager text and labels are short lines ("ADVERTISEMENT SCROLL TO CONTINUE WITH
# CONTENT" is the longest, 45); longer lines skip those regexes (most of clean_text's time).
NOISE_LINE_MAX_CHARS = 80
# Captions are one short sentence with a credit; longer lines are paragraphs.
CAPTION_MAX_CHARS = 200
# An end-of-story heading counts only after this much story (a label at the top is a kicker).
END_AFTER_CHARS = 400

_PROMO_START = re.compile(
    r"^[\W_]*(?:baca juga|baca pula|baca lagi|simak juga|lihat juga|tonton juga|simak video|simak juga video"
    r"|tonton video|saksikan video|baca selengkapnya|baca berita selengkapnya|artikel terkait|berita terkait"
    r"|read also|also read|see also|read more|pilihan editor(?=\s*:)|lihat video(?=\s*[:\"'“‘]))\b"
    r"|^[\W_]*baca\s*:(?=\s*\S)",
    re.I,
)
_NOISE_TOKENS = re.compile(
    r"advertisement|advertisment|scroll to continue with content|scroll to continue"
    r"|(?:scroll|gulir)(?:\s+ke\s+bawah)?\s+untuk\s+(?:me)?lanjutkan(?:\s+membaca)?|lanjutkan membaca|lanjut membaca"
    r"|konten berlanjut(?:\s+di\s+bawah(?:\s+ini)?)?|content continues below|iklan|ads",
    re.I,
)
_PAGER_LINE = re.compile(
    r"^(?:halaman|hal\.?|page)\s*(?:selanjutnya|berikutnya|sebelumnya|\d{1,2}(?:\s*(?:dari|of|/)\s*\d{1,2})?)"
    r"\s*[»›>:.]*$|^[«‹<\s]*(?:selanjutnya|sebelumnya|berikutnya|next|prev|previous)[\s»›>]*$"
    r"|^[«‹<]?\s*\d{1,2}(?:\s+\d{1,2})+(?:\s+(?:selanjutnya|berikutnya|next))?\s*[»›>]?$"
    r"|^\d{1,2}\s+dari\s+\d{1,2}\s+halaman$|^baca\s+(?:selanjutnya|halaman\s+berikutnya)\W*$"
    r"|^(?:lanjut(?:kan)?|klik|baca|simak)\s+(?:ke\s+|di\s+)?halaman\s+(?:selanjutnya|berikutnya|\d{1,2})\W*$"
    r"|^(?:tampilkan|lihat)\s+(?:semua|selengkapnya)\W*$|^show\s+all\W*$|^(?:halaman|hal\.?|page)\s*:?$|^\d{1,2}$"
    r"|^\d{1,3}\s*/\s*\d{1,3}$|^foto\s+\d{1,3}\s+(?:dari|of)\s+\d{1,3}$"
    r"|^(?:halaman|hal\.?|page)\s*:?\s*(?:\d{1,2}\s*)+(?:selanjutnya|berikutnya|next|show all|tampilkan semua"
    r"|lihat semua|semua)?\s*[»›>]?$",
    re.I,
)
_CHANNEL_PROMO_VERB = re.compile(
    r"^[\W_]*(?:dapatkan|ikuti|gabung|bergabung|follow|klik|kunjungi|jangan lewatkan|yuk|simak|update|unduh"
    r"|download|pantau|berlangganan|langganan|subscribe|cek|baca berita|temukan|nikmati|saksikan)\b",
    re.I,
)
# "* Fakta atau Hoaks? … silakan WhatsApp ke nomor …": a starred note under the story telling readers what to do.
_STARRED_PROMPT = re.compile(r"^\*\s.{0,380}\b(?:silakan|klik|ketik|tautan|nomor)\b", re.I)
_CHANNEL = re.compile(r"google news|whatsapp|telegram|saluran|channel|instagram|tiktok|youtube|aplikasi|app store|\bapps?\b"
                      r"|(?:sedikit|minim) (?:\w+\s+){0,2}iklan"
                      r"|\b(?:di|ke|lewat|melalui)\s+(?:e-?mail|inbox)\s+(?:anda|kamu)\b"
                      r"|play store|newsletter|tanpa (?:\w+\s+){0,2}iklan|bebas iklan|facebook|twitter|x\.com|line today"
                      r"|berita(?:\s+\w+){0,2}\s+lainnya|live streaming|kanal\s+(?:berita|resmi|kami)", re.I)
_WIDGET_LABEL = re.compile(
    r"^(?:video|foto|berita|artikel|konten)\s+(?:rekomendasi|pilihan|terkait|populer|unggulan|menarik)\W*$"
    r"|^(?:baca|lihat|simak|tonton)\s+(?:juga|pula)\s*:?$|^jangan\s+lewatkan(?:\s+\w+){0,3}\W*$|^rekomendasi\s+untuk\s+anda$"
    r"|^(?:bagikan|share)(?:\s+(?:artikel|berita)(?:\s+ini)?)?\s*:?$|^(?:powered by|lengkapi profil|jelajahi)\b.{0,60}$"
    r"|^(?:tulis|beri|kirim)\s+komentar\b.{0,80}$|^(?:komentar|comments?)\s*(?:\(\d+\))?$"
    r"|^bagaimana\s+(?:perasaan|reaksi)\w*\s+(?:anda|kamu|mu)\b.{0,80}$|^(?:loading|memuat)\s*(?:\.{2,3}|…)?$"
    r"|^\d[\d.,]*\s*(?:komentar|comments?|shares?|views?|kali\s+dibaca|dibaca|likes?)$|^live\s+streaming$"
    r"|^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net)\s*[:|]\s*[^.!?]{1,40}$"
    r"|^klik\s+(?:di\s*sini|link\s+ini|tautan\s+ini)\b.{0,150}$"
    r"|^(?:tags?|topik(?:\s+(?:pilihan|terkait|populer))?|kata\s+kunci)\s*:.{1,150}$"
    # a section or widget name standing alone: a menu entry, a box's heading, the footer's links
    r"|^(?:terpopuler|most popular|editor'?s pick|pilihan redaksi|baca lainnya|trending|terkini"
    r"|indeks(?:\s+berita)?|home|beranda|advertorial|redaksi|disclaimer|kontak"
    r"|(?:artikel|sumber|berita)\s+asli|tentang\s+kami|kontak\s+kami|hubungi\s+kami|pedoman\s+media\s+siber"
    r"|kebijakan\s+privasi|syarat\s+(?:dan|&)\s+ketentuan|info\s+iklan|karir)\s*[:»›]?$"
    # reading time, the audio player, copying the link
    r"|^(?:(?:estimasi\s+)?waktu\s+baca|lama\s+baca|baca\s+dalam)\s*:?\s*\d{1,2}\s*(?:menit|min)\w*$"
    r"|^\d{1,2}\s*(?:min(?:ute)?s?|menit)\s+(?:read|baca|membaca)$"
    r"|^(?:dengarkan|listen\s+to)(?:\s+(?:berita|artikel|this\s+article))?(?:\s+ini)?\W*$"
    r"|^berikut\s+video(?:nya)?\s*:?$|^(?:salin|copy)\s+(?:link|tautan|url)\W*$"
    # share buttons, font and print tools, comment and sponsor labels, photo buttons
    r"|^(?:(?:bagikan|share|kirim)(?:\s+(?:ke|via|di))?\s+)?(?:facebook|twitter|x|whatsapp|telegram|line|e-?mail|linkedin"
    r"|pinterest)\W*$|^(?:tweet|like|suka|print|cetak|share\s+this|ukuran\s+(?:font|huruf)|a\s*-\s*a\s*\+)\W*$"
    r"|^(?:masuk|login|log\s+in)\s+untuk\s+(?:berkomentar|komentar)\b.{0,40}$|^belum\s+ada\s+komentar\b.{0,40}$"
    r"|^jadilah\s+(?:yang\s+)?pertama\b.{0,40}$|^(?:sponsored(?:\s+content)?|konten\s+bersponsor|iklan\s+baris)\W*$"
    r"|^(?:lihat\s+foto|(?:foto\s+)?ilustrasi|selengkapnya|tim\s+redaksi|ikuti\s+kami(?:\s+di)?|sorotan"
    r"|pilihan\s+untuk(?:mu|\s+anda)|rekomendasi\s+(?:berita|artikel|video)|berita\s+rekomendasi"
    r"|terpopuler(?:\s+\w+){1,2})\W*$|^(?:link|tautan)\s+(?:copied|disalin|tersalin)\W*$",
    re.I,
)
_END_MARKER = re.compile(
    r"^(?:(?:berita|artikel)\s+(?:lainnya|terkait|terbaru|pilihan|populer|rekomendasi)|rekomendasi\s+untuk\s+anda"
    r"|terkini\s+lainnya|tags?|topik|topik\s+terkait|kata\s+kunci|komentar|tulis\s+komentar|tentang\s+kami"
    r"|pedoman\s+media\s+siber|kebijakan\s+privasi)\s*:?$",
    re.I,
)
_EMBED = re.compile(
    r"^\[[^\]]{0,80}:[^\]]{0,80}\]$|^view this post on instagram$|^lihat (?:postingan|kiriman) ini di instagram$"
    r"|^a post shared by\b.{0,120}$|^sebuah kiriman dibagikan oleh\b.{0,120}$|.{0,200}\bpic\.twitter\.com/\S+.{0,80}$"
    r"|^[—–-]\s*[^(\n]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}$",
    re.I,
)
_SYNDICATED = re.compile(r"^(?:artikel|berita|konten|tulisan) ini (?:telah|sudah|juga) (?:naik|tayang|terbit|dimuat"
                         r"|diunggah|diperbarui|diupdate)\b.{0,250}$"
                         r"|^baca artikel [\w.]+,?\s*[\"“].{1,200}[\"”]\s*selengkapnya\b.{0,200}$", re.I)
_CAPTION_CREDIT = re.compile(
    r"(?:\(\s*(?:sumber|foto|dok|doc|dokumentasi|istimewa|ist|source|credit|kredit|ilustrasi|shutterstock"
    r"|getty images|freepik|unsplash|pexels|pixabay|istock\w*|canva|antara foto|reuters|afp|ap photo)\b[^()\n]{0,80}\)"
    r"|\((?:instagram|twitter|x|tiktok|youtube|facebook)\s*/\s*@?\w[^()\n]{0,60}\)"
    r"|\b(?-i:ANTARA|ANTARA FOTO|Antara|REUTERS|Reuters|AFP|AP)\s*/\s*(?-i:[A-Z])[^\n]{0,60}"
    r"|(?-i:\((?![\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net)\b)(?:[A-Z][\w.]*\s?){1,3}/\s*(?:[A-Z][a-z][\w.'-]*\s?){1,4}\))(?!\.)"
    r"|\b(?:foto|sumber|dok|kredit|credit|source)\s*[:.]\s*[^\n.]{1,80}"
    r"|\b(?:shutterstock|getty images|freepik|unsplash|pexels|pixabay)\b[^\n.]{0,40}|\.\s*dok)\.?$",
    re.I,
)
_DATELINE_ONLY = re.compile(
    r"^(?:[\w.]+(?:\.com|\.id)?\s*[-–—|,]\s*)?(?:\w+,\s*)?\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}"
    r"(?:\s*,?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?)?$"
    r"|^(?:\w+,?\s+)?\d{1,2}\s+\w+\s+\d{4}(?:\s*[,|-]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?)?$",
    re.I,
)
# "Diperbarui 5 Des 2022, 12:00 WIB", "Pembaruan terakhir pada 12.00 WIB": the page's time stamps.
_STAMP_LINE = re.compile(
    r"^(?:diperbarui|diterbitkan|dipublikasikan|dipublikasi|update|updated|published|posted"
    r"|pembaruan\s+terakhir|terakhir\s+diperbarui)(?:\s+pada)?\s*:?\s*(?:\w+,?\s+)?(?:\d{1,2}\s*[/.\-\s]\s*\w+"
    r"\s*[/.\-\s]\s*\d{2,4})?\s*[,|\-]?\s*(?:pukul\s*)?(?:\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?)?$",
    re.I,
)
_LABEL_LINE = re.compile(
    r"^(?:editor|penulis|reporter|pewarta|redaktur|penyunting|editor bahasa|sumber|kontributor|fotografer|foto"
    r"|video|copyright|hak cipta|laporan wartawan|laporan reporter)\b[^:：]{0,30}[:：].{0,100}$|^©.{0,120}$"
    r"|^copyright\b.{0,120}$|^#\w+(?:\s+with\s+\w+)?$",
    re.I,
)
# "Penulis Tria Sutrisna | Editor Irfan Maullana": a label, then capitalised names only.
_BYLINE = re.compile(r"^(?:[Pp]enulis|[Rr]eporter|[Ee]ditor|[Pp]ewarta)\s*:?\s+(?:[A-Z][\w.'-]*\s?){1,5}"
                     r"(?:\s*\|\s*(?:[Ee]ditor|[Pp]enulis|[Rr]eporter)\s*:?\s+(?:[A-Z][\w.'-]*\s?){1,5})*$")
_TRAILING_LABEL = re.compile(
    r"^(?:editor|penulis|reporter|pewarta|redaktur|penyunting|editor bahasa|sumber|kontributor"
    r"|fotografer|foto|video|copyright|hak cipta|©)\b[^:：]{0,20}[:：]|^©",
    re.I,
)
# "Oleh Yusuf Maulana pada 19 Nov 2025, 16:20 WIB": the label, capitalised names, perhaps the time.
_OLEH_BYLINE = re.compile(r"^[Oo]leh\s*:?\s+(?:[A-Z][\w.'-]*\s?){1,5}(?:(?:pada|,|-|\|)\s*(?:\w+,?\s+)?\d{1,2}\s+\w+"
                          r"\s+\d{4}(?:,?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?)?)?$")
# "Laporan Wartawan TribunSolo.com, Dwi Prasetyo": the reporter line above a Tribun story.
_REPORTER_LINE = re.compile(r"^[Ll]aporan\s+(?:[Ww]artawan|[Rr]eporter|[Kk]oresponden|[Kk]ontributor|[Jj]urnalis)"
                            r"(?:(?:\s+[\w.]+){1,3},|\s+[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id))\s*(?:[A-Z][\w.'-]*\s?){1,5}$"
                            r"|^\(\s*(?:[Kk]ontributor|[Ee]ditor|[Pp]enulis|[Rr]eporter|[Pp]ewarta|[Ff]oto)\s*:[^()]{1,100}\)$")
# "Disclaimer : Komentar adalah tanggapan pribadi …": the note above a comment form.
_COMMENT_DISCLAIMER = re.compile(r"^disclaimer\s*:?.{0,200}\bkomentar\b.{0,300}$", re.I)
# "DINI TEJA", "ANTARA | DINI TEJA": the reporter's name in capitals closing a Tempo story.
_TRAILING_NAME = re.compile(r"^[A-Z][A-Z.'’-]+(?:[ ,|/]+[A-Z][A-Z.'’-]+){0,5}$")
TRAILING_NAME_MAX_CHARS = 60
# "Dilarang mengutip … tanpa izin tertulis": the publisher's no-copying notice under a story.
_RIGHTS_NOTICE = re.compile(r"^dilarang\s+(?:keras\s+)?(?:mengutip|menyalin|mengambil|memperbanyak|menyebarluaskan"
                            r"|mereproduksi|menggandakan)\b.{0,200}\b(?:konten|isi|berita|artikel|laman|situs)\b"
                            r".{0,200}\bizin\b.{0,80}$", re.I)
# "Jakarta -", "JAKARTA, KOMPAS.com -", "Sleman (Kemenag) ---": a dateline set apart from the lead.
_DATELINE_PREFIX = re.compile(r"^[A-Z][\w.]*(?:[ ,]+[A-Za-z][\w.]*){0,3}(?:\s*\([A-Za-z]+\))?\s*[-–—]{1,3}$")
DATELINE_PREFIX_MAX_CHARS = 40  # the longest seen: "TANGERANG SELATAN, KOMPAS.com -" (31)
_INITIALS_LINE = re.compile(
    r"^[(\[]\s*[a-z*]{1,5}(?:\s*/\s*[a-z0-9*]{1,6}){0,4}\s*[)\]]$|^[a-z]{2,5}(?:/[a-z0-9]{2,5}){1,3}$|^\(\*+\)$"
    r"|^\(\s*\*{3}\s*/?\s*[\w .]{0,40}\)$",
    re.I,
)
# "(Tribunnews.com/Fahdi Fahlevi)", "(ANTARA)", "(mcr9/jpnn)": the medium's or agency's credit under a story.
_MEDIA_CREDIT = (r"[(\[]\s*(?:(?!www\.)[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net)|antara|ant|jpnn|tribun\w*)\s*(?:/\s*[^()\[\]\n]{1,60})?"
                 r"[)\]]|[(\[]\s*[a-z0-9]{2,6}(?:\s*/\s*[a-z0-9]{2,6}){1,3}\s*[)\]]")
_CREDIT_LINE = re.compile(rf"^(?:{_MEDIA_CREDIT})$", re.I)
_TRAILING_CREDIT = re.compile(rf"(?<=[.!?\"”'’)\]])\s*(?:{_MEDIA_CREDIT})\s*$", re.I)
# "Daftar Isi" and the headings under it (detik): the story's own subheadings, listed before it.
_CONTENTS_LABEL = re.compile(r"^(?:daftar\s+isi|isi\s+artikel|table\s+of\s+contents)\s*:?$", re.I)
CONTENTS_ENTRY_MAX_CHARS = 100
# "jepang tewas meninggal dunia": the tags as bare lower-case words closing the text (detik).
_TAG_WORDS = re.compile(r"^[a-z0-9][a-z0-9 '-]{2,150}$")
_TRAILING_INITIALS = re.compile(
    r"(?<=[.!?\"”'’)\]])\s*[(\[]\s*[a-z]{2,5}(?:\s*/\s*[a-z0-9]{2,5}){0,3}\s*[)\]]\s*$", re.I
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u00ad\ufeff\x00]")
_ENDS_SENTENCE = (".", ":", "?", "!", '"', "”", "’", "'")


def clean_text(text: str) -> str:
    """Remove what Indonesian media put inside article bodies, and tidy whitespace.

    Args:
        text: Extracted text, one paragraph per line.

    Returns:
        The cleaned text, one paragraph per line (see the module docstring for the rules).
    """
    raw = [_SPACES.sub(" ", _INVISIBLE.sub("", line)).strip() for line in text.splitlines()]
    raw = [line for line in raw if line]
    raw = _without_contents(raw)
    repeated = _repeated_labels(raw)
    lines: list[str] = []
    for line in raw:
        if _END_MARKER.match(line) and sum(map(len, lines)) >= END_AFTER_CHARS:
            break
        if line in repeated or _is_boilerplate_line(line):
            continue
        lines.append(line)
    lines = _joined_datelines(lines)
    while lines and (_TRAILING_LABEL.match(lines[-1]) or _INITIALS_LINE.match(lines[-1]) or _CREDIT_LINE.match(lines[-1])
                     or _TAG_WORDS.match(lines[-1])
                     or (len(lines[-1]) <= TRAILING_NAME_MAX_CHARS and _TRAILING_NAME.match(lines[-1]))):
        lines.pop()
    if lines:
        lines[-1] = _TRAILING_INITIALS.sub("", _TRAILING_CREDIT.sub("", lines[-1])).rstrip()
    return "\n".join(line for line in lines if line)


def _without_contents(lines: list[str]) -> list[str]:
    """Lines without a table of contents ("Daftar Isi" and the short headings under it, which the story
    repeats as its subheadings: left in, they would also make those subheadings look like repeated labels)."""
    kept: list[str] = []
    in_contents = False
    for line in lines:
        if _CONTENTS_LABEL.match(line):
            in_contents = True
        elif not (in_contents and len(line) < CONTENTS_ENTRY_MAX_CHARS and not line.endswith(_ENDS_SENTENCE)):
            in_contents = False
            kept.append(line)
    return kept


def _joined_datelines(lines: list[str]) -> list[str]:
    """Lines with a standalone dateline ("Jakarta -") joined to the paragraph after it."""
    joined: list[str] = []
    for line in lines:
        if joined and len(joined[-1]) <= DATELINE_PREFIX_MAX_CHARS and _DATELINE_PREFIX.match(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _repeated_labels(lines: list[str]) -> set[str]:
    """Short lines that are not sentences and stand more than once (a caption under every photo)."""
    seen: dict[str, int] = {}
    for line in lines:
        if len(line) < CAPTION_MAX_CHARS and not line.endswith(_ENDS_SENTENCE):
            seen[line] = seen.get(line, 0) + 1
    return {line for line, count in seen.items() if count > 1}


def _is_boilerplate_line(line: str) -> bool:
    """A whole line of promo link, ad marker, pager, widget, embed, caption, byline or the like."""
    if not any(ch.isalnum() for ch in line):  # "#", "—", "* * *": marks, not words
        return True
    promo = _PROMO_START.match(line)
    if promo:
        return len(line) <= PROMO_MAX_CHARS or bool(re.match(r"\s*[:\-–—]", line[promo.end():]))
    if line[0] == "|":  # a table row as trafilatura writes it: a separator, or a credit in cells
        cells = " ".join(cell.strip() for cell in line.strip("| ").split("|") if cell.strip())
        if not cells.strip(" -:") or (len(cells) < NOISE_LINE_MAX_CHARS and (
                _BYLINE.match(cells) or _LABEL_LINE.match(cells))):
            return True
    if len(line) <= NOISE_LINE_MAX_CHARS and (
        not _NOISE_TOKENS.sub("", line).strip(" .:-–—|·•*↓→") or _PAGER_LINE.match(line)
        or _WIDGET_LABEL.match(line) or _INITIALS_LINE.match(line)
    ):
        return True
    if (_EMBED.match(line) or _SYNDICATED.match(line) or _DATELINE_ONLY.match(line) or _LABEL_LINE.match(line)
            or (len(line) <= NOISE_LINE_MAX_CHARS and _STAMP_LINE.match(line))
            or _BYLINE.match(line) or _OLEH_BYLINE.match(line) or _REPORTER_LINE.match(line)
            or _RIGHTS_NOTICE.match(line) or _COMMENT_DISCLAIMER.match(line) or _CREDIT_LINE.match(line)):
        return True
    if len(line) < CAPTION_MAX_CHARS and _CAPTION_CREDIT.search(line) and not line.endswith(('."', '.”')):
        return True
    return bool((_CHANNEL_PROMO_VERB.match(line) or _STARRED_PROMPT.match(line)) and _CHANNEL.search(line)
                and len(line) <= CHANNEL_PROMO_MAX_CHARS)
