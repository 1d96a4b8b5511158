//! The closed vocabularies of a listing and of sorting: slugs in URLs and the database, German
//! labels in the UI. `unspecified` is what an imported ad does not say: unknown beats a guess.
use crate::slug_enum;

/// The slug of the `Unspecified` value that Contract, Experience and EmployerType share.
pub const UNSPECIFIED: &str = "unspecified";

slug_enum!(WorkingTime {
    FullTime = "full_time" / "Vollzeit",
    PartTime = "part_time" / "Teilzeit",
    MiniJob = "mini_job" / "Minijob",
});
slug_enum!(Offer {
    Employment = "employment" / "Festanstellung",
    Apprenticeship = "apprenticeship" / "Ausbildung",
    Internship = "internship" / "Praktikum",
    Freelance = "freelance" / "Freie Mitarbeit",
    WorkingStudent = "working_student" / "Werkstudium",
});
slug_enum!(Remote {
    OnSite = "on_site" / "Vor Ort",
    Hybrid = "hybrid" / "Hybrid",
    Remote = "remote" / "Remote",
});
slug_enum!(Contract {
    Permanent = "permanent" / "Unbefristet",
    FixedTerm = "fixed_term" / "Befristet",
    Unspecified = "unspecified" / "Ohne Angabe",
});
slug_enum!(Experience {
    Entry = "entry" / "Berufseinstieg",
    Experienced = "experienced" / "Berufserfahren",
    Senior = "senior" / "Senior",
    Unspecified = "unspecified" / "Ohne Angabe",
});
slug_enum!(EmployerType {
    Agency = "agency" / "Agentur",
    Sme = "sme" / "Mittelstand",
    Corporate = "corporate" / "Konzern",
    Public = "public" / "Öffentlicher Dienst",
    MediaHouse = "media_house" / "Medienhaus",
    Event = "event" / "Veranstaltungsbranche",
    Unspecified = "unspecified" / "Ohne Angabe",
});
slug_enum!(SalaryUnit {
    Month = "month" / "Monat",
    Year = "year" / "Jahr",
    Hour = "hour" / "Stunde",
    Day = "day" / "Tag",
    Week = "week" / "Woche",
});
slug_enum!(Sort {
    Relevance = "relevance" / "Relevanz",
    Newest = "newest" / "Neueste zuerst",
    Salary = "salary" / "Höchstes Gehalt",
    Distance = "distance" / "Entfernung",
});
slug_enum!(
    /// Who the figure comes from: the employer's ad, or an estimate by the listing's source.
    SalarySource {
        Employer = "employer" / "Angabe des Arbeitgebers",
        Estimate = "estimate" / "Schätzung",
    }
);
