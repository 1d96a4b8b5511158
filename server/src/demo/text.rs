//! Word material for demo listings. Every employer is invented and carries "(Demo)".
use app::jobs::model::EmployerType;

/// A profession the generator writes listings for: its share, titles, tasks, skills and pay.
pub struct ProfessionText {
    pub slug: &'static str,
    pub name: &'static str,
    /// Relative share of all listings.
    pub weight: u32,
    pub titles: &'static [&'static str],
    pub area: &'static str,
    pub tasks: &'static [&'static str],
    pub skills: &'static [&'static str],
    /// Monthly gross bands (low, high) for entry, experienced and senior.
    pub bands: [(u32, u32); 3],
    /// Whether the work is mostly on site (events, shoots).
    pub on_site: bool,
}

/// Bands follow public figures: Medienassistent Bochum 2,300–2,900 € for starters and
/// 3,100 €+ with extra qualifications; Mediengestalter NRW about 2,100–3,200 €.
pub const PROFESSIONS: &[ProfessionText] = &[
    ProfessionText {
        slug: "medienassistent",
        name: "Medienassistent/in",
        weight: 40,
        titles: &[
            "Medienassistent/in (m/w/d)",
            "Medienassistent/in für Social Media und Content (m/w/d)",
            "Medienassistent/in Bildbearbeitung und Grafik (m/w/d)",
            "Medienassistenz Veranstaltungen und Technik (m/w/d)",
            "Medienassistent/in Marketing und Kommunikation (m/w/d)",
            "Assistenz Medienproduktion (m/w/d)",
            "Medienassistent/in Video und Web (m/w/d)",
            "Medienassistent/in für Schule und Bildung (m/w/d)",
        ],
        area: "Medienproduktion",
        tasks: &[
            "Sie bearbeiten Fotos und Grafiken für Web, Print und Social Media.",
            "Sie planen Beiträge für Instagram, LinkedIn und TikTok und setzen sie um.",
            "Sie schneiden kurze Videoformate und Reels – vom Rohmaterial bis zum Untertitel.",
            "Sie betreuen die Technik bei Veranstaltungen: Licht, Ton, Beamer und Streaming.",
            "Sie pflegen Inhalte im CMS und halten die Website aktuell.",
            "Sie nutzen KI-gestützte Werkzeuge für Entwürfe, Freisteller und Transkripte – und prüfen die Ergebnisse.",
            "Sie bereiten Präsentationen und Druckdaten vor und stimmen sie mit Dienstleistern ab.",
            "Sie archivieren Bild- und Videomaterial und halten Rechte und Lizenzen im Blick.",
            "Sie unterstützen das Team bei Foto- und Videoshootings.",
        ],
        skills: &[
            "Bildbearbeitung",
            "Social Media",
            "Eventtechnik",
            "Kurze Videoformate",
            "KI-gestützte Produktion",
            "Webtools/CMS",
            "Adobe Photoshop",
            "Videoschnitt",
            "Fotografie",
            "Präsentationstechnik",
            "Canva",
        ],
        bands: [(2300, 2900), (2700, 3200), (3100, 3600)],
        on_site: false,
    },
    ProfessionText {
        slug: "mediengestalter",
        name: "Mediengestalter/in Digital und Print",
        weight: 15,
        titles: &[
            "Mediengestalter/in Digital und Print (m/w/d)",
            "Mediengestalter/in mit Schwerpunkt Online (m/w/d)",
            "Mediengestalter/in Druckvorstufe (m/w/d)",
            "Grafiker/in / Mediengestalter/in (m/w/d)",
        ],
        area: "Gestaltung",
        tasks: &[
            "Sie gestalten Anzeigen, Broschüren, Plakate und Social-Media-Grafiken.",
            "Sie setzen Layouts in InDesign um und erstellen druckfertige Daten.",
            "Sie entwickeln Banner und Landingpages im Corporate Design.",
            "Sie stimmen Entwürfe mit Kundinnen und Kunden ab und arbeiten Korrekturen ein.",
            "Sie prüfen Druckdaten und begleiten Produktionen in der Druckerei.",
        ],
        skills: &[
            "Adobe InDesign",
            "Adobe Illustrator",
            "Bildbearbeitung",
            "Druckvorstufe",
            "Figma",
            "Webtools/CMS",
            "Typografie",
        ],
        bands: [(2100, 2600), (2500, 3000), (2900, 3300)],
        on_site: false,
    },
    ProfessionText {
        slug: "social-media-manager",
        name: "Social-Media-Manager/in",
        weight: 12,
        titles: &[
            "Social-Media-Manager/in (m/w/d)",
            "Social-Media-Redakteur/in (m/w/d)",
            "Content Creator für Social Media (m/w/d)",
            "Community Manager/in (m/w/d)",
        ],
        area: "Social Media",
        tasks: &[
            "Sie entwickeln Redaktionspläne und Kampagnen für unsere Kanäle.",
            "Sie produzieren Reels, Stories und Karussells – oft direkt mit dem Smartphone.",
            "Sie moderieren die Community und beantworten Kommentare und Nachrichten.",
            "Sie werten Reichweite und Interaktion aus und leiten Verbesserungen ab.",
            "Sie arbeiten mit Creatorn und Partnern aus der Region zusammen.",
        ],
        skills: &[
            "Social Media",
            "Kurze Videoformate",
            "Community Management",
            "Copywriting",
            "KI-gestützte Produktion",
            "Analytics",
            "Canva",
        ],
        bands: [(2500, 3000), (2900, 3500), (3400, 4200)],
        on_site: false,
    },
    ProfessionText {
        slug: "veranstaltungstechniker",
        name: "Veranstaltungstechniker/in",
        weight: 10,
        titles: &[
            "Fachkraft für Veranstaltungstechnik (m/w/d)",
            "Veranstaltungstechniker/in Licht und Ton (m/w/d)",
            "Eventtechniker/in (m/w/d)",
            "Medientechniker/in für Tagungen und Events (m/w/d)",
        ],
        area: "Veranstaltungstechnik",
        tasks: &[
            "Sie bauen Licht-, Ton- und Videotechnik für Konzerte, Tagungen und Messen auf und ab.",
            "Sie fahren Ton und Licht während der Veranstaltung.",
            "Sie richten Livestreams und hybride Konferenzen ein.",
            "Sie warten und prüfen unser Equipment und halten die Arbeitssicherheit ein.",
        ],
        skills: &["Eventtechnik", "Tontechnik", "Lichttechnik", "Streaming", "Rigging", "Präsentationstechnik"],
        bands: [(2400, 2900), (2800, 3300), (3200, 3800)],
        on_site: true,
    },
    ProfessionText {
        slug: "fotograf",
        name: "Fotograf/in",
        weight: 6,
        titles: &[
            "Fotograf/in (m/w/d)",
            "Fotograf/in für Produkt- und Eventfotografie (m/w/d)",
            "Fotoassistenz (m/w/d)",
        ],
        area: "Fotografie",
        tasks: &[
            "Sie fotografieren Produkte, Menschen und Veranstaltungen.",
            "Sie bearbeiten Bilder in Lightroom und Photoshop.",
            "Sie planen Shootings und betreuen Kundinnen und Kunden am Set.",
            "Sie liefern Bildstrecken für Web, Social Media und Print.",
        ],
        skills: &["Fotografie", "Bildbearbeitung", "Adobe Lightroom", "Lichtsetzung", "Social Media"],
        bands: [(2000, 2500), (2400, 2900), (2800, 3400)],
        on_site: true,
    },
    ProfessionText {
        slug: "videoeditor",
        name: "Videoeditor/in",
        weight: 9,
        titles: &["Videoeditor/in (m/w/d)", "Cutter/in für Social Video (m/w/d)", "Videograf/in und Editor/in (m/w/d)"],
        area: "Video",
        tasks: &[
            "Sie schneiden Imagefilme, Erklärvideos und kurze Formate für Social Media.",
            "Sie drehen selbst mit Kamera und Gimbal.",
            "Sie erstellen Untertitel, Motion Graphics und Farbkorrekturen.",
            "Sie nutzen KI-Werkzeuge für Transkription und Rohschnitt.",
        ],
        skills: &[
            "Videoschnitt",
            "Kurze Videoformate",
            "Adobe Premiere Pro",
            "DaVinci Resolve",
            "Motion Design",
            "KI-gestützte Produktion",
        ],
        bands: [(2300, 2800), (2700, 3300), (3200, 3900)],
        on_site: false,
    },
    ProfessionText {
        slug: "online-redakteur",
        name: "Online-Redakteur/in",
        weight: 8,
        titles: &["Online-Redakteur/in (m/w/d)", "Content Manager/in Web (m/w/d)", "Redakteur/in Digital (m/w/d)"],
        area: "Online-Redaktion",
        tasks: &[
            "Sie schreiben und redigieren Texte für Website, Newsletter und Social Media.",
            "Sie pflegen Inhalte im CMS und achten auf Barrierefreiheit und SEO.",
            "Sie recherchieren Themen aus dem Ruhrgebiet und führen Interviews.",
            "Sie planen Inhalte gemeinsam mit Fachabteilungen.",
        ],
        skills: &["Webtools/CMS", "Texten", "SEO", "Social Media", "Barrierefreiheit", "KI-gestützte Produktion"],
        bands: [(2400, 2900), (2800, 3400), (3300, 4000)],
        on_site: false,
    },
];

/// Name parts per employer type: (first parts, second parts, legal forms).
pub fn employer_parts(t: EmployerType) -> (&'static [&'static str], &'static [&'static str], &'static [&'static str]) {
    match t {
        EmployerType::Agency => (
            &[
                "Pixelzeche",
                "Kohlenpott Kreativ",
                "Glückauf Media",
                "Revierlicht",
                "Schachtzwei",
                "Förderturm Digital",
                "Halde Neun",
                "Kumpel & Pixel",
            ],
            &[" Agentur", " Studio", " Kommunikation", " Werbeagentur"],
            &[" GmbH", " UG", ""],
        ),
        // The demo always names its employers' type.
        EmployerType::Sme | EmployerType::Unspecified => (
            &["Druckhaus", "Werbetechnik", "Fotostudio", "Medienservice", "Schilder & Print", "Messebau"],
            &[" Emschertal", " Hellweg", " am Westpark", " Ruhrbogen", " Zechenring", " Lennewiese"],
            &[" GmbH", " KG", " e. K."],
        ),
        EmployerType::Corporate => (
            &["Revier Energie", "Montanwerk", "Ruhrhandel", "Westfalen Versicherungsgruppe", "Stahlbogen Logistik"],
            &[" – Unternehmenskommunikation", " – Marketing", " – Interne Kommunikation"],
            &[""],
        ),
        EmployerType::Public => (
            &["Volkshochschule", "Berufskolleg", "Stadtbücherei", "Kulturbüro", "Musikschule"],
            &[" Nordviertel", " Am Kanal", " Zechenpark", " Lindenhof", " Haldenblick"],
            &[""],
        ),
        EmployerType::MediaHouse => (
            &["Revierbote", "Ruhr-Echo", "Radio Haldenfunk", "Kanal Pott TV", "Westwärts"],
            &[" Medien", " Verlag", " Mediengruppe"],
            &[" GmbH", ""],
        ),
        EmployerType::Event => (
            &["Hallenwerk", "Bühne & Ton", "Lichtschacht", "Festwiese", "Eventkontor", "Kaue Live"],
            &[" Veranstaltungstechnik", " Events", " Showservice"],
            &[" GmbH", " GbR"],
        ),
    }
}

pub fn employer_intro(t: EmployerType, city: &str) -> [String; 2] {
    match t {
        EmployerType::Agency => [
            format!(
                "Wir sind eine inhabergeführte Kreativagentur in {city} und betreuen Kundschaft aus Handel, Kultur und Sport."
            ),
            format!("Unser Studio in {city} entwickelt Kampagnen, Websites und Videos für den Mittelstand im Revier."),
        ],
        EmployerType::Sme | EmployerType::Unspecified => [
            format!(
                "Als Familienbetrieb in {city} produzieren wir seit vielen Jahren Drucksachen, Schilder und Werbemittel."
            ),
            format!("Wir sind ein mittelständischer Dienstleister aus {city} mit einem kleinen, eingespielten Team."),
        ],
        EmployerType::Corporate => [
            format!("Unsere Kommunikationsabteilung in {city} informiert Kundschaft und Belegschaft über alle Kanäle."),
            format!("Am Standort {city} bündeln wir Marketing und Kommunikation für die ganze Unternehmensgruppe."),
        ],
        EmployerType::Public => [
            format!("Als Bildungs- und Kultureinrichtung in {city} machen wir Angebote für alle Menschen der Stadt."),
            format!("Wir sind eine öffentliche Einrichtung in {city} und bauen unsere digitale Kommunikation aus."),
        ],
        EmployerType::MediaHouse => [
            format!("Wir berichten aus {city} und dem Ruhrgebiet – in Print, online, im Radio und auf Social Media."),
            format!("Unser Medienhaus in {city} produziert lokale Nachrichten, Podcasts und Videos."),
        ],
        EmployerType::Event => [
            format!("Von {city} aus betreuen wir Konzerte, Messen, Firmenfeiern und Stadtfeste im ganzen Revier."),
            format!("Wir sind ein Veranstaltungsdienstleister aus {city} mit eigenem Lager und Technikpark."),
        ],
    }
}

pub const PROFILE: &[&str] = &[
    "Eine abgeschlossene Ausbildung als Medienassistent/in, Mediengestalter/in oder eine vergleichbare Qualifikation.",
    "Sorgfalt, ein gutes Auge für Gestaltung und Freude an Technik.",
    "Sie arbeiten gern im Team und behalten auch bei Zeitdruck den Überblick.",
    "Gute Deutschkenntnisse in Wort und Schrift.",
    "Bereitschaft, sich regelmäßig weiterzubilden – neue Werkzeuge kommen ständig dazu.",
    "Ein Führerschein Klasse B ist hilfreich.",
];

pub const BENEFITS: &[&str] = &[
    "Deutschlandticket als Jobticket",
    "30 Tage Urlaub",
    "Flexible Arbeitszeiten",
    "Moderne Technik: Kamera, Schnittplatz, Licht",
    "Betriebliche Altersvorsorge",
    "Zuschuss zum Fitnessstudio",
    "Ein kleines, eingespieltes Team mit kurzen Wegen",
    "Feste Einarbeitung mit Patin oder Pate",
    "Fahrradleasing",
];
