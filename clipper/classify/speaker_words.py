"""The words narasumber finding reads by: attribution verbs, titles, honorifics, institutions and
places, and the shape of an Indonesian person's name (used by narasumber.py and speaker_names.py)."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# `"…," kata NAME`: verbs that follow a quote or a comma, the speaker after them.
POST_VERBS = _words("""
kata ujar ungkap jelas tutur tegas ucap terang imbuh tambah sebut papar lanjut pungkas tandas urai beber
sambung tutup timpal jawab tanya kenang klaim tulis pesan buka cetus ulas sergah kilah bantah akui seru
""")
# `Hal itu disampaikan NAME`: passive verbs with the speaker after them ("oleh" optional).
PASSIVE_VERBS = _words("disampaikan dikatakan diungkapkan dijelaskan ditegaskan dituturkan diutarakan")
# `NAME mengatakan`: verbs that report what the person before them said or thinks.
PRE_VERBS = _words("""
mengatakan menyatakan menjelaskan menuturkan menegaskan mengungkapkan mengungkap menyebutkan menyebut
berkata menambahkan memaparkan menerangkan mengakui mengaku menilai menyampaikan mengimbau mengajak
meminta berharap menekankan memastikan mengklaim mengemukakan
membeberkan berpendapat beranggapan memandang menjawab mengingatkan menyimpulkan mengomentari mengutarakan
mendesak menanggapi membenarkan membantah
""")
# Modal and aspect words: a lower-case phrase with one is a clause, not a role ("polisi akan …").
MODALS = _words("akan masih belum bisa dapat harus ingin mau sedang tengah perlu boleh mampu")
# Words that may stand between the speaker and a PRE_VERB ("Sri Mulyani juga menyampaikan").
ADVERBS = _words("""
juga pun kemudian lalu sempat telah sudah kembali hanya tetap bahkan pula lantas lebih lanjut secara
dengan tegas resmi singkat langsung terpisah sendiri saat itu pada kesempatan sebelumnya
""")
# A comma-separated aside between the speaker and the verb starts with one of these
# ("Saleh, dalam keterangan tertulis, mengatakan").
ASIDE_STARTS = _words("dalam saat ketika usai seusai di pada kepada melalui seperti sebagaimana ditemui dikutip")

# Pronouns and words that name nobody ("kata dia", "ujarnya", "pihaknya").
NOBODY = _words("""
dia ia beliau mereka kami kita saya aku anda pihaknya sang para seorang salah satu sumber pihak
""")
# Capitalised words that never belong to a name: sentence openers, days, months, time zones.
STOP_WORDS = _words("""
sementara namun selain kemudian saat ketika menurut menurutnya lebih adapun di dalam hal ini itu sedangkan
bahkan tetapi tapi oleh karena sebelumnya selanjutnya sebab jadi maka meski walau sejak pada untuk dengan
baca juga simak lihat foto video sumber editor pewarta penulis laporan wartawan advertisement scroll
kemarin hari tadi kini akhirnya lalu setelah sebelum usai berdasarkan terkait soal menanggapi mengenai
selama meskipun apalagi sehingga agar supaya bila jika kalau sesuai atas semua seluruh setiap beberapa
sejumlah diketahui dilansir dikutip mengutip melansir hasilnya sebelumnya kendati begitu demikian komentar
diakui sosok profil rp ribu juta miliar triliun persen serta tentu justru memang terlebih catatan gol
sekadar teori teranyar momen kabar berita data the
senin selasa rabu kamis jumat sabtu minggu ahad januari februari maret april mei juni juli agustus
september oktober november desember wib wita wit tim pihak kepada bagi tak tidak ya yang dan atau
""")

# Titles and offices that open a role ("Kepala Balai …", "Menag", "Chief Operating Officer").
TITLE_WORDS = _words("""
kepala menteri menag wamenag wakil sekjen sekretaris dirjen direktur dirut rektor ketua ketum kabid kasi
kasubag kasubbag kasubdit kabag kapus peneliti dosen guru dekan gubernur wagub bupati wabup wali walikota
walkot presiden wapres juru jubir anggota koordinator plt plh kakanwil kakankemenag kapolres kapolda
kapolri kapolsek kapolresta kasat kasatreskrim kabareskrim kajari kajati jaksa hakim panglima staf pakar
pengamat pengurus pimpinan pemimpin camat lurah kades komisioner komisaris deputi asisten pembimas
pembimbing penyuluh widyaiswara waka pengawas bendahara inspektur irjen uskup pendeta ketua humas kepsek manajer
analis ekonom ahli praktisi pelaksana pengasuh pendiri pemilik founder ceo coo cfo cto chief head
director manager president officer executive chairman spokesperson analyst deputy vice senior general
secretary commissioner treasurer spokesman spokeswoman coordinator founder
menko menkes menkeu menlu menhan mendagri mendikbud mendikdasmen menpan menparekraf menpora menaker
menhub menperin mendag mentan menkominfo menkumham menpupr menkopolhukam menkopolkam menkomarves
menkopmk menimipas dirjenpas sesditjen kabalai kaprodi kakanmenag pembina tokoh mantan eks patriark dubes duta
konjen atase
ustaz ustazah operation marketing product
""")
# Nouns that open a lower-case role after a name ("Adi, pemandu wisata …").
PERSON_NOUNS = TITLE_WORDS | _words("""
warga siswa mahasiswa murid santri petani nelayan pedagang pengemudi sopir pemandu petugas dokter perawat
pasien orangtua pengacara kuasa pengusaha pelatih pemain atlet penyanyi aktris aktor artis selebgram
pegiat aktivis relawan korban saksi ibu ayah kakak adik paman bibi istri suami anak cucu tetangga paus
produser sutradara presenter youtuber komedian pelawak penari pebalap pembalap pebulu pesepakbola kiper bidan
pelajar perwakilan komandan danrem dandim pangdam kapolsek pengelola penjual pembeli konsumen nasabah investor
peternak buruh karyawan pegawai pekerja penumpang pengunjung wisatawan turis penonton pendukung
suporter netizen warganet orang pria wanita perempuan polisi panitia penyelenggara penyandera pasukan
tentara prajurit spesialis biarawati biarawan rohaniwan jemaah jemaat pastor romo psikiater psikolog apoteker ilmuwan sejarawan arkeolog sosiolog epidemiolog virolog budayawan seniman terdakwa
tersangka pelaku narapidana
""")
# Words for someone's relative or representative: "istri Budi", "kuasa hukum Budi" is not Budi.
RELATIONAL = _words("""
istri suami anak ayah ibu paman bibi kakak adik cucu menantu mertua keponakan sepupu kekasih pacar tunangan
teman sahabat rekan tetangga pengacara kuasa
""")
# Honorifics, academic titles and ranks: dropped from a name, never a name by themselves.
HONORIFICS = _words("""
prof dr drs dra drg h hj kh ir ust ustadz ustazah pdt kiai kyai habib gus romo pastor kardinal bapak ibu
pak bu mbak mas kak sdr saudara tuan nyonya mr mrs ms sir syekh profesor kombes kombespol akbp akp iptu
ipda aipda aiptu bripka brigadir brigjen brigjenpol irjenpol komjen jenderal letjen mayjen kolonel
letkol mayor kapten laksamana marsekal pol purn bang abang om tante teteh akang daeng cak bung suster bruder
frater marsma marsda marsdya laksma laksda laksdya kompol briptu
bripda serka serma sertu pelda peltu letda lettu
""")
# Words inside a name that are lower case ("Siti binti Ahmad", "van der").
CONNECTORS = _words("bin binti van der de al el von da dos of")
# Institutions: a run holding one names an organisation, and it is never part of a name.
INSTITUTION_WORDS = _words("""
kementerian kemenag kemenkes kemenkeu kemendikbud kemenpan kemenperin kemenhub kemenparekraf kemenko
kemendag kemensos kemnaker kemenkumham kemenimipas kemenpora kemendagri kemlu kemhan kanwil kankemenag
kemenag kabinet parlemen senat kongres dinas disdik dinkes pemkab pemprov pemkot pemda pemerintah polres polresta polrestro polda polri
polsek mabes tni kodam korem kodim universitas institut univ sekolah madrasah pesantren ponpes pondok
rumah sakit rs rsud rsup puskesmas klinik pt cv bank tbk persero badan komisi dewan majelis mahkamah
pengadilan kejaksaan kejari kejati kejagung partai fraksi gereja masjid musala yayasan asosiasi
perhimpunan perkumpulan gabungan ikatan himpunan lembaga balai pusat puslitbang direktorat ditjen biro
bagian bidang seksi kantor sekretariat kampus fakultas prodi jurusan organisasi ormas forum paguyuban
koperasi grup group inc ltd corp company foundation university institute college hospital hospitals
center centre clinic association council committee agency ministry office department bureau commission
services club fc timnas satgas satpol laboratorium divisi unit program tim keuskupan paroki istana
reuters bloomberg xinhua antara kompas tempo kontan detik tribunnews liputan6 cnbc okezone republika kumparan
tirto sindonews jpnn muhammadiyah nahdlatul aisyiyah bappenas bappeda bapanas basarnas bulog pertamina telkom
danantara bapeten pentagon
""")
# Words that end an organisation's name: a "speaker" followed by one ("Goldman Sachs Group Inc")
# is a company, not a person.
ORG_SUFFIXES = _words("""inc group grup tbk corp corporation ltd llc co company foundation sekuritas capital persero production
productions pictures studio studios entertainment records films""")
# Institution words that take a proper name right after them ("UIN Walisongo", "Pemkab Blitar").
NAMED_INSTITUTIONS = _words("""
uin iain universitas institut pt bank gereja masjid pondok pesantren ponpes rs rsud yayasan partai
kabupaten kota provinsi kecamatan desa kelurahan kampung pemkab pemkot pemprov polres polda kodam paroki
keuskupan stasiun bandara pelabuhan pasar hotel kampus dpp dpd dpw dpc pb pp pw pc
""")
# Places: provinces, big cities, countries, and the compass words of place names.
PLACES = _words("""
indonesia ri nkri aceh sumatera sumatra riau jambi bengkulu lampung bangka belitung kepulauan jakarta dki
jawa banten yogyakarta diy jogja bali ntb ntt nusa tenggara kalimantan sulawesi gorontalo maluku papua
utara selatan barat timur tengah pusat raya jateng jatim jabar jaksel jakbar jakut jaktim jakpus sulsel
sumut sumbar sumsel kalbar kaltim kalsel kalteng kaltara sulut sulteng sultra sulbar kepri babel malut
jabodetabek medan padang palembang pekanbaru batam tangerang bekasi depok bogor bandung cirebon sukabumi
cianjur garut tasikmalaya karawang purwakarta subang semarang solo surakarta salatiga magelang klaten
kebumen banyumas purwokerto cilacap tegal brebes pekalongan kudus pati jepara demak boyolali sragen
wonogiri sukoharjo karanganyar surabaya malang sidoarjo gresik mojokerto jombang kediri blitar
tulungagung madiun ponorogo jember banyuwangi probolinggo pasuruan lumajang bojonegoro tuban lamongan
madura bangkalan sumenep denpasar mataram kupang pontianak banjarmasin samarinda balikpapan palangkaraya
makassar manado palu kendari ambon jayapura sorong merauke serang cilegon cikarang cibinong sleman
bantul lombok flores labuan bajo bukittinggi ikn nusantara malaysia singapura thailand filipina vietnam
brunei china tiongkok jepang korea india pakistan arab saudi mesir turki iran irak israel palestina gaza
rusia ukraina amerika serikat as inggris prancis jerman belanda italia spanyol australia kanada brasil
afrika eropa asia beijing washington london paris tokyo kairo mekkah makkah madinah jeddah yerusalem
bethlehem sierra leone timor somalia ethiopia kenya belgia swedia norwegia denmark finlandia swiss austria polandia
portugal yunani hongaria ceko irlandia skotlandia selandia meksiko argentina chili kolombia peru venezuela kuba
qatar kuwait bahrain oman yaman suriah yordania lebanon libanon afghanistan bangladesh nepal myanmar kamboja
laos taiwan hongkong mongolia uzbekistan kazakhstan nigeria ghana maroko aljazair tunisia libya sudan uganda
tanzania amerika eropa timur-tengah moskow teheran riyadh doha dubai abu dhabi ankara istanbul bangkok manila
hanoi seoul kuala lumpur canberra sydney ottawa berlin roma madrid brussel jenewa den haag amsterdam wuhan
shanghai shenzhen guangzhou vatikan angeles pulau gunung sungai danau pantai jalan jl gedung taman alun lapangan stadion
kompleks kawasan
""")
# Capitalised common words of organisation names, rarely a word of a person's name.
ORG_WORDS = _words("""
nasional internasional daerah umum rakyat negeri negara republik merah putih palang bersama persatuan
kesatuan bangsa sejahtera amanat gerakan hijau demokrat umat besar tinggi dunia swasta fakta keluarga
wilayah cabang regional post times journal daily news herald tribune gazette review darat laut udara konstitusi militer pameran masyarakat futures management collection united city business financial finance technology technologies solutions systems media global holdings energy industries
partners ventures investment securities research life insurance fintech micro sales store shop mall resort
airlines airways motor motors bisnis
hukum sosial agraria pariwisata desa energi lingkungan hidup pemuda olahraga riset teknologi ekonomi
kreatif politik keamanan maritim ham bumn pangan digital tata ruang kerja tenaga luar
utama agama islam kristen katolik protestan hindu buddha khonghucu urusan bina haji umrah zakat wakaf halal
""")
# "Agung" is a name ("Agung Laksono") except after these ("Jaksa Agung", "Mahkamah Agung").
AGUNG_AFTER = _words("jaksa mahkamah uskup masjid kejaksaan imam")
# Role abbreviations and their long forms, so "ujar Menag" finds "Menteri Agama Nasaruddin Umar".
ROLE_ABBREVIATIONS = {
    "menag": "menteri agama", "wamenag": "wakil menteri agama", "wapres": "wakil presiden",
    "menkes": "menteri kesehatan", "menkeu": "menteri keuangan", "mendagri": "menteri dalam negeri",
    "menlu": "menteri luar negeri", "wagub": "wakil gubernur", "wabup": "wakil bupati", "jubir": "juru bicara",
    "dirjen": "direktur jenderal", "sekjen": "sekretaris jenderal", "kakanwil": "kepala kanwil",
    "walkot": "wali kota", "walikota": "wali kota", "ketum": "ketua umum", "dirut": "direktur utama",
}


def is_name_word(token: str) -> bool:
    """True when ``token`` may be a word of a person's name: capitalised, not an acronym or a
    mixed-case brand ("MTsN", "GoJek"; "McKinney" is a name), not a title, institution, place,
    honorific or stop word, and not an affixed common noun ("Perekonomian", "Organisasi")."""
    if not token[:1].isupper() or not token[:1].isalpha():
        return False
    low = token.lower()
    if low in _NOT_NAME or (low.startswith("kemen") and len(low) > 6):
        return False
    if "-" in token and (any(part in PLACES for part in low.split("-")) or len(set(low.split("-"))) == 1):
        return False  # "Malaysia-Cina", "Lagu-lagu"
    rest = token[1:].replace("'", "").replace("’", "").replace("-", "")
    if rest and not rest.islower():
        # "McKinney", "O'Neil", "Berthelot-Eiffel" are names; "MTsN", "GoJek", "PDI-P" are not
        parts = [p for p in token.replace("’", "'").replace("'", "-").split("-") if p]
        if not (token.startswith(("Mc", "Mac")) or all(p[:1].isupper() and p[1:].islower() for p in parts)):
            return False
    return not _common_noun(low)


def _common_noun(low: str) -> bool:
    if len(low) >= 7 and low.endswith("nya"):
        return True  # a word with a clitic: "Dikatakannya", "Menurutnya"
    if len(low) >= 8 and low.endswith("kan") and low.startswith(("di", "me", "ber", "ter")):
        return True  # a verb opening a sentence: "Ditegaskan", "Disampaikan"
    if len(low) >= 8 and low.endswith("an") and low.startswith(("pe", "ke")):
        return True  # pe-/per-/pen-…-an and ke-…-an nouns: Pendidikan, Kesehatan, Perekonomian
    return len(low) >= 7 and low.endswith(("asi", "isme", "itas"))


_NOT_NAME = (PERSON_NOUNS | HONORIFICS | INSTITUTION_WORDS | NAMED_INSTITUTIONS | PLACES | STOP_WORDS
             | NOBODY | ORG_WORDS | frozenset(ROLE_ABBREVIATIONS))


def is_role_head(token: str) -> bool:
    """True when ``token`` opens a role ("Kepala", "peneliti", "Menkomarves")."""
    low = token.lower()
    return low in TITLE_WORDS or low.startswith(TITLE_PREFIXES)


# Titles written as one word from "Kepala"/"Wakil Kepala" and the office: "Kapolrestabes",
# "Wakapolda", "Kadisdik"; "Menko…" for the coordinating ministers.
TITLE_PREFIXES = ("menko", "kapol", "wakapol", "kadis", "kasat", "kakan", "kanit", "kabag", "kasubag", "wakasat")


def is_institution(token: str) -> bool:
    """True for an institution word or an acronym ("Kemenag", "KPU", "MTsN1")."""
    low = token.lower()
    if low in INSTITUTION_WORDS or (low.startswith("kemen") and len(low) > 6):
        return True  # "Kemenkumham", "Kementrans"
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and not is_name_word(token)
