"""Fictional Indonesian news written for the media-style fixture pages (no publisher text).

Each story is one medium's: the templates in _media_pages wrap it in that medium's markup. The
furniture texts (teaser headlines, captions, menus) live beside the templates and never occur
in a story, so a test can look for every one of them in stored text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    """A story as a template receives it: the lead is the first paragraph."""

    title: str
    slug: str
    author: str
    published: str  # ISO 8601 in WIB, as the page shows it
    paragraphs: tuple[str, ...]
    subheading: str = ""  # an in-body subheading shown before the last two paragraphs, if any


STORIES: dict[str, Story] = {
    "detik": Story(
        "Kemenag Uji Coba Pendaftaran Haji Lewat Aplikasi di Lima Provinsi", "kemenag-uji-coba-pendaftaran-haji",
        "Rahmat Hidayat", "2025-11-20T09:15:00+07:00", (
            "Kementerian Agama mulai menguji coba pendaftaran haji lewat aplikasi telepon genggam di lima "
            "provinsi. Calon jemaah cukup mengunggah berkas dan memilih jadwal verifikasi tanpa harus datang "
            "lebih dulu ke kantor kabupaten.",
            "Direktur pelayanan haji dalam negeri mengatakan uji coba berlangsung tiga bulan. Selama masa itu "
            "petugas tetap membuka loket bagi warga yang belum terbiasa memakai aplikasi.",
            "\"Kami ingin antrean di kantor berkurang, tetapi tidak ada warga yang tertinggal karena tidak "
            "punya telepon pintar,\" ujarnya di Jakarta, Kamis pagi.",
            "Lima provinsi yang dipilih memiliki daftar tunggu paling panjang. Data pendaftar dari aplikasi "
            "akan dicocokkan dengan data kependudukan sebelum nomor porsi diterbitkan.",
            "Evaluasi uji coba dijadwalkan pada akhir Februari. Jika berjalan baik, layanan ini akan dibuka "
            "untuk seluruh kabupaten dan kota mulai musim pendaftaran berikutnya.",
        )),
    "kompas": Story(
        "Ribuan Guru Madrasah di Banten Ikuti Pelatihan Asesmen Digital", "ribuan-guru-madrasah-banten-pelatihan",
        "Siti Aminah", "2025-11-18T14:40:00+07:00", (
            "Sebanyak 2.400 guru madrasah di Banten mengikuti pelatihan asesmen digital yang digelar Kantor "
            "Wilayah Kementerian Agama provinsi itu sejak awal pekan.",
            "Pelatihan dibagi dalam delapan gelombang agar kegiatan belajar di madrasah tidak terganggu. "
            "Setiap gelombang berlangsung dua hari di balai diklat keagamaan.",
            "Kepala bidang pendidikan madrasah menjelaskan, guru dilatih menyusun soal yang mengukur "
            "kemampuan bernalar, bukan sekadar hafalan.",
            "Ia berharap hasil pelatihan terlihat pada asesmen madrasah tahun depan. Guru yang lulus "
            "pelatihan diminta menularkan ilmunya kepada rekan di madrasah masing-masing.",
            "Para peserta juga mendapat akun latihan untuk mencoba bank soal bersama sebelum dipakai di kelas.",
        )),
    "tribunnews": Story(
        "Pesantren di Klaten Bangun Instalasi Pengolahan Sampah Mandiri", "pesantren-klaten-bangun-pengolahan-sampah",
        "Dwi Prasetyo", "2025-11-17T10:05:00+07:00", (
            "Sebuah pondok pesantren di Klaten membangun instalasi pengolahan sampah mandiri yang dikelola "
            "para santri. Sampah organik dari dapur pondok kini diolah menjadi kompos dan pakan maggot.",
            "Pengasuh pondok mengatakan gagasan itu muncul setelah tempat pembuangan di desa penuh. Setiap "
            "hari pondok menghasilkan hampir setengah ton sampah dari dapur dan asrama.",
            "Santri dibagi dalam regu piket yang bergantian memilah sampah plastik, kertas, dan sisa makanan. "
            "Plastik yang terkumpul dijual kepada pengepul setiap akhir bulan.",
            "Hasil penjualan dipakai untuk membeli bibit sayur yang ditanam di lahan belakang asrama.",
            "Dinas lingkungan hidup setempat berencana menjadikan pondok itu percontohan bagi pesantren "
            "lain di kabupaten tersebut.",
        )),
    "liputan6": Story(
        "Balai Litbang Agama Petakan Kerukunan Warga di Daerah Perbatasan", "balai-litbang-agama-petakan-kerukunan",
        "Yusuf Maulana", "2025-11-19T16:20:00+07:00", (
            "Balai Penelitian dan Pengembangan Agama memetakan tingkat kerukunan warga di sebelas kabupaten "
            "perbatasan. Survei melibatkan lebih dari tiga ribu responden dari berbagai latar keyakinan.",
            "Ketua tim peneliti menyebut indeks kerukunan di wilayah perbatasan cenderung naik dibanding "
            "survei dua tahun lalu, terutama pada aspek kerja sama antarwarga.",
            "Menurut dia, kegiatan gotong royong dan forum lintas iman di tingkat desa menjadi penopang "
            "utama. Warga terbiasa membantu tetangga yang berbeda agama saat hari raya.",
            "Meski begitu, peneliti mencatat masih ada keluhan soal izin rumah ibadah yang berlarut-larut di "
            "beberapa kecamatan.",
            "Hasil lengkap survei akan diserahkan kepada pemerintah daerah sebagai bahan penyusunan "
            "kebijakan kerukunan tahun depan.",
        ), subheading="Catatan untuk Pemerintah Daerah"),
    "cnnindonesia": Story(
        "Pemerintah Tambah Kuota Vaksin Meningitis untuk Jemaah Umrah", "pemerintah-tambah-kuota-vaksin-meningitis",
        "Andini Puspita", "2025-11-21T11:30:00+07:00", (
            "Pemerintah menambah kuota vaksin meningitis bagi calon jemaah umrah setelah permintaan melonjak "
            "menjelang libur akhir tahun.",
            "Kementerian Kesehatan menyebut tambahan kuota disalurkan ke kantor kesehatan pelabuhan di "
            "kota-kota keberangkatan. Jemaah diminta mendaftar lebih awal lewat aplikasi resmi.",
            "Asosiasi penyelenggara umrah menyambut baik langkah itu. Sebelumnya sejumlah jemaah terpaksa "
            "menunda keberangkatan karena belum mendapat jadwal vaksinasi.",
            "Petugas kesehatan mengingatkan vaksin harus diberikan paling lambat sepuluh hari sebelum "
            "berangkat agar kekebalan terbentuk sempurna.",
        )),
    "antaranews": Story(
        "Kemenag Salurkan Bantuan Operasional untuk Seribu Taman Pendidikan Alquran", "kemenag-salurkan-bantuan-tpq",
        "Fauzan Hakim", "2025-11-16T13:45:00+07:00", (
            "Kementerian Agama menyalurkan bantuan operasional kepada seribu taman pendidikan Alquran di "
            "wilayah timur Indonesia tahun ini.",
            "Bantuan dipakai untuk honor pengajar, pembelian buku iqra, dan perbaikan ruang belajar yang "
            "rusak. Penyaluran dilakukan langsung ke rekening lembaga.",
            "Direktur pendidikan diniyah mengatakan lembaga penerima dipilih berdasarkan data yang "
            "diperbarui pengelola melalui aplikasi pendataan.",
            "Ia meminta pengelola menyusun laporan penggunaan dana secara sederhana dan tepat waktu agar "
            "bantuan dapat berlanjut tahun depan.",
        )),
    "republika": Story(
        "Jamaah Masjid di Bandung Gelar Gerakan Sedekah Buku untuk Santri", "jamaah-masjid-bandung-sedekah-buku",
        "Nur Hidayah", "2025-11-15T08:10:00+07:00", (
            "Jamaah sebuah masjid di Bandung menggelar gerakan sedekah buku untuk santri di pelosok Jawa "
            "Barat. Dalam dua pekan terkumpul lebih dari lima ribu judul.",
            "Ketua takmir masjid mengatakan buku yang terkumpul disortir relawan sebelum dikirim. Buku "
            "pelajaran, kisah nabi, dan ensiklopedia anak paling banyak disumbangkan.",
            "Pengiriman tahap pertama ditujukan ke dua belas pondok kecil yang belum memiliki perpustakaan.",
            "Relawan juga mengajarkan cara merawat buku dan mencatat peminjaman kepada pengurus pondok "
            "penerima.",
        )),
    "okezone": Story(
        "Asrama Haji Embarkasi Solo Dipakai untuk Pelatihan Petugas Kloter", "asrama-haji-solo-pelatihan-petugas",
        "Bambang Sutrisno", "2025-11-14T15:25:00+07:00", (
            "Asrama Haji Embarkasi Solo dipakai untuk pelatihan petugas kloter musim haji mendatang. "
            "Sebanyak 600 petugas mengikuti pelatihan selama sepuluh hari.",
            "Materi pelatihan meliputi pelayanan jemaah lansia, penanganan kedaruratan, dan pencatatan "
            "kesehatan harian selama di Tanah Suci.",
            "Kepala asrama mengatakan peserta tinggal di asrama selama pelatihan agar terbiasa dengan "
            "jadwal yang padat seperti saat bertugas.",
            "Petugas yang lulus akan ditempatkan bersama kloter dari provinsi masing-masing.",
        )),
    "suara": Story(
        "Mahasiswa UIN Kembangkan Aplikasi Penerjemah Bahasa Isyarat untuk Pengajian", "mahasiswa-uin-aplikasi-isyarat",
        "Dewi Lestari", "2025-11-13T19:00:00+07:00", (
            "Tiga mahasiswa universitas Islam negeri mengembangkan aplikasi penerjemah bahasa isyarat untuk "
            "pengajian. Aplikasi itu menampilkan juru isyarat virtual di layar telepon.",
            "Ide aplikasi muncul ketika salah satu dari mereka melihat jamaah tuli kesulitan mengikuti "
            "ceramah di masjid dekat kampus.",
            "Saat ini aplikasi mengenali sekitar dua ribu kosakata yang sering dipakai dalam ceramah agama. "
            "Tim terus menambah kosakata dengan bantuan komunitas tuli.",
            "Dosen pembimbing berharap aplikasi itu bisa dipakai masjid-masjid lain setelah uji coba selesai.",
        )),
    "merdeka": Story(
        "Penyuluh Agama di Garut Ajak Remaja Bijak Bermedia Sosial", "penyuluh-agama-garut-remaja-media-sosial",
        "Andre Wicaksono", "2025-11-12T13:00:00+07:00", (
            "Penyuluh agama di Garut mengajak remaja bijak bermedia sosial lewat kelas singkat di sekolah "
            "dan madrasah. Kelas itu membahas cara memeriksa kabar sebelum membagikannya.",
            "Koordinator penyuluh mengatakan banyak kabar bohong bertema agama beredar di grup percakapan "
            "keluarga. Remaja diharapkan menjadi pemeriksa pertama di rumah.",
            "Peserta diajak membandingkan judul yang memancing emosi dengan isi berita yang sebenarnya. "
            "Mereka juga belajar mencari sumber asli sebuah foto dan memeriksa tanggal unggahannya sebelum "
            "percaya pada keterangan yang menyertainya.",
            "Di akhir kelas, setiap peserta menyusun janji sederhana untuk tidak menyebarkan kabar yang "
            "belum jelas sumbernya. Janji itu ditempel di papan kelas agar mudah diingat setiap hari.",
            "Guru pendamping menilai kelas semacam ini perlu diulang setiap semester karena bentuk kabar "
            "bohong terus berubah, dari potongan video hingga tangkapan layar percakapan palsu.",
            "Kegiatan serupa dijadwalkan di empat kecamatan lain hingga akhir tahun, dengan sasaran lebih "
            "dari dua ribu pelajar sekolah menengah dan madrasah aliyah.",
        ), subheading="Belajar dari Kasus Nyata"),
    "kemenag": Story(
        "Menag Resmikan Gedung Layanan Terpadu di Kantor Kemenag Kabupaten Sleman", "menag-resmikan-gedung-layanan-sleman",
        "Ahmad Fauzi", "2025-11-11T10:30:00+07:00", (
            "Menteri Agama meresmikan gedung layanan terpadu satu pintu di Kantor Kementerian Agama "
            "Kabupaten Sleman. Gedung itu melayani pendaftaran haji, nikah, dan sertifikasi guru.",
            "Menurut Menteri, layanan satu pintu memudahkan warga yang sebelumnya harus berpindah ruangan "
            "untuk mengurus berkas yang berbeda.",
            "Kepala kantor kabupaten menyebut petugas layanan telah dilatih menangani pengaduan dengan "
            "ramah dan cepat.",
            "Gedung tersebut dibangun dengan dana surat berharga syariah negara dan dilengkapi jalur khusus "
            "bagi warga penyandang disabilitas.",
        )),
    "two_page": Story(
        "Peneliti Telusuri Manuskrip Pesantren Tua di Pesisir Utara Jawa", "peneliti-telusuri-manuskrip-pesantren",
        "Lukman Hakim", "2025-11-10T07:45:00+07:00", (
            "Tim peneliti menelusuri manuskrip yang tersimpan di pesantren tua di pesisir utara Jawa. "
            "Sebagian naskah berusia lebih dari dua abad.",
            "Naskah-naskah itu memuat catatan pelajaran fikih, doa, dan silsilah guru yang mengajar di "
            "pesantren tersebut.",
            "Peneliti memotret setiap halaman dengan kamera resolusi tinggi sebelum naskah dikembalikan ke "
            "lemari penyimpanan.",
            "Di halaman kedua laporan, peneliti menjelaskan bahwa kertas naskah dibuat dari kulit kayu "
            "yang diolah secara tradisional.",
            "Tinta yang dipakai berasal dari jelaga lampu yang dicampur getah, sehingga tulisan tetap "
            "terbaca setelah ratusan tahun.",
            "Hasil digitalisasi akan dibuka untuk umum melalui perpustakaan digital lembaga penelitian.",
        )),
    "two_page_cnnindonesia": Story(
        "Kemenag Kaji Kebutuhan Guru Agama di Sekolah Umum Daerah Terpencil", "kemenag-kaji-kebutuhan-guru-agama",
        "Rina Marlina", "2025-11-09T12:10:00+07:00", (
            "Kementerian Agama mengkaji kebutuhan guru pendidikan agama di sekolah umum daerah terpencil. "
            "Kajian dilakukan bersama pemerintah kabupaten di enam provinsi.",
            "Tim pengkaji menemukan banyak sekolah dasar yang hanya memiliki satu guru agama untuk ratusan "
            "murid dari berbagai kelas.",
            "Sebagian guru harus menempuh perjalanan berjam-jam dengan perahu untuk mengajar di dua sekolah "
            "sekaligus setiap pekan.",
            "Pada bagian kedua kajian, tim mengusulkan pengangkatan guru dari warga setempat yang telah "
            "menempuh pendidikan keguruan.",
            "Usulan lain adalah kelas jarak jauh yang dibantu guru kelas ketika sinyal internet memadai.",
            "Hasil kajian akan dibahas dalam rapat koordinasi dengan pemerintah daerah awal tahun depan.",
        )),
    "two_page_okezone": Story(
        "Ribuan Relawan Bersihkan Masjid Jelang Ramadan di Kota Solo", "ribuan-relawan-bersihkan-masjid",
        "Agus Salim", "2025-11-08T06:30:00+07:00", (
            "Ribuan relawan membersihkan masjid dan musala di Kota Solo menjelang Ramadan. Kegiatan itu "
            "digelar serentak di lima kecamatan.",
            "Relawan mencuci karpet, mengecat ulang dinding, dan memperbaiki keran tempat wudu yang rusak.",
            "Koordinator kegiatan mengatakan peralatan kebersihan disumbang warga dan pedagang pasar.",
            "Pada hari kedua, relawan menyasar masjid di kampung padat yang jarang mendapat bantuan "
            "perawatan.",
            "Pengurus masjid menyediakan makanan bagi relawan yang bekerja sejak pagi hingga sore.",
            "Kegiatan serupa direncanakan kembali menjelang Idul Fitri dengan melibatkan lebih banyak pelajar.",
        )),
}

# A photo gallery, a video page, a live report: what their pages say besides their furniture.
GALLERY_LEAD = ("Ratusan calon jemaah haji lansia mengikuti manasik di Asrama Haji Pondok Gede, Jakarta, "
                "dengan pendampingan petugas kesehatan.")
GALLERY_SLIDES = (
    "Petugas membantu jemaah lansia memakai kain ihram saat manasik.",
    "Jemaah berlatih tawaf mengelilingi miniatur Kakbah di halaman asrama.",
    "Petugas kesehatan memeriksa tekanan darah jemaah sebelum latihan dimulai.",
    "Jemaah beristirahat di selasar asrama setelah latihan sai.",
)
VIDEO_LEAD = ("Para santri di sebuah pesantren di Jombang merakit panel surya untuk menerangi asrama mereka. "
              "Listrik yang dihasilkan cukup untuk lampu belajar pada malam hari.")
LIVE_UPDATES = (
    ("10:45", "Sidang isbat penetapan awal Ramadan resmi ditutup. Pemerintah menetapkan awal puasa jatuh pada "
              "hari Rabu setelah hilal terlihat di beberapa titik pengamatan."),
    ("10:20", "Tim rukyat di Pelabuhan Ratu melaporkan hilal terlihat dengan ketinggian lebih dari tiga derajat "
              "di atas ufuk barat."),
    ("09:50", "Seminar posisi hilal dibuka di auditorium kementerian dan dihadiri perwakilan ormas Islam serta "
              "para ahli falak."),
)
LIVE_TITLE = "Sidang Isbat Awal Ramadan: Pemerintah Tetapkan Puasa Mulai Rabu"
