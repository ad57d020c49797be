//! The stable identifiers of DOMAIN.md. They are a contract shared by the question bank,
//! storage, exports, `data-*` attributes and the embed API: renaming one breaks stored data.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::text::labels::Labelled;

/// Declares an enum of string ids with `ALL`, `id()`, `parse()`, serde as the id string, and its
/// display name under `<kind>.<id>` in labels.json ([`Labelled`]).
macro_rules! id_enum {
    ($(#[$meta:meta])* $name:ident labelled $kind:literal { $($(#[$vmeta:meta])* $variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in the order DOMAIN.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable id.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The value with this id.
            pub fn parse(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        impl Labelled for $name {
            const KIND: &'static str = $kind;
            fn key(self) -> &'static str {
                self.id()
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&id).ok_or_else(|| serde::de::Error::custom(format!(
                    concat!("unknown ", stringify!($name), " id {:?}"), id)))
            }
        }
    };
}

id_enum! {
    /// The rungs of the relationship ladder, lowest first (DOMAIN.md §1).
    Level labelled "rung" {
        Supplier => "supplier",
        Preferred => "preferred",
        Extended => "extended",
        Partner => "partner",
    }
}

impl Level {
    /// 0 for `supplier` up to 3 for `partner`.
    pub fn rank(self) -> i32 {
        self as i32
    }

    /// The rung a level-evidence option shows, from its score (0, 33, 67, 100).
    pub fn from_evidence_score(score: u8) -> Level {
        match score {
            0..=32 => Level::Supplier,
            33..=66 => Level::Preferred,
            67..=99 => Level::Extended,
            _ => Level::Partner,
        }
    }

    /// The next rung up, if any.
    pub fn next(self) -> Option<Level> {
        Level::ALL.get(self as usize + 1).copied()
    }
}

id_enum! {
    /// Facets of observable level evidence (questions of dimension `level.<facet>`).
    LevelFacet labelled "level" {
        Contacts => "contacts",
        Information => "information",
        Planning => "planning",
        Preference => "preference",
        Dependence => "dependence",
        FormalLinks => "formal_links",
    }
}

id_enum! {
    /// Context factors that set the level worth aiming for (DOMAIN.md §2).
    ContextFactor labelled "context" {
        Volume => "volume",
        PurchaseFrequency => "purchase_frequency",
        NeedComplexity => "need_complexity",
        MutualImportance => "mutual_importance",
        BargainingBalance => "bargaining_balance",
        CustomerDependence => "customer_dependence",
        /// The customer's own appetite for a deeper relationship: transactional or partnership (seed 000).
        Appetite => "appetite",
        /// What the account returns against what it costs to serve — seed 000's luxury, seed 003's 鸡肋
        Return => "return",
        /// Where the customer's own business heads: growing, shrinking, or integrating backward (seed 001).
        CustomerCourse => "customer_course",
    }
}

id_enum! {
    /// Levers of the `satisfaction` axis, "happy to stay" (DOMAIN.md §4).
    SatisfactionLever labelled "satisfaction" {
        ProductQuality => "product_quality",
        TechnicalCapability => "technical_capability",
        ServiceLevel => "service_level",
        TradeTerms => "trade_terms",
        SolutionFit => "solution_fit",
        Personalization => "personalization",
        PsychologicalNeeds => "psychological_needs",
    }
}

id_enum! {
    /// Levers of the `switching_cost` axis, "painful to leave" (DOMAIN.md §4).
    SwitchingLever labelled "switching_cost" {
        InvestmentCost => "investment_cost",
        SwitchingRisk => "switching_risk",
        ProcurementRisk => "procurement_risk",
        Differentiation => "differentiation",
        CommercialLock => "commercial_lock",
        ExecutiveTies => "executive_ties",
    }
}

id_enum! {
    /// Where the two axes place the account (DOMAIN.md §4).
    Quadrant labelled "quadrant" {
        Loyal => "loyal",
        Mercenary => "mercenary",
        Hostage => "hostage",
        Defector => "defector",
    }
}

id_enum! {
    /// The three relationship capabilities, in the order they are built (DOMAIN.md §3).
    Capability labelled "capability" {
        Trust => "trust",
        Execution => "execution",
        Innovation => "innovation",
    }
}

id_enum! {
    /// One communication, two alignments, four guarantees (DOMAIN.md §5).
    Safeguard labelled "safeguard" {
        Communication => "communication",
        NeedsAlignment => "needs_alignment",
        StrategyAlignment => "strategy_alignment",
        QualityGuarantee => "quality_guarantee",
        ServiceGuarantee => "service_guarantee",
        DeliveryGuarantee => "delivery_guarantee",
        ValueGuarantee => "value_guarantee",
    }
}

impl Safeguard {
    /// The four guarantees: over 91% of key customers call them the minimum (seed 003).
    pub fn is_guarantee(self) -> bool {
        matches!(
            self,
            Safeguard::QualityGuarantee
                | Safeguard::ServiceGuarantee
                | Safeguard::DeliveryGuarantee
                | Safeguard::ValueGuarantee
        )
    }
}

id_enum! {
    /// Early-warning signals of regression (DOMAIN.md §6). Scores: 100 = no sign of it.
    Warning labelled "warning" {
        CompetitorPrice => "competitor_price",
        CompetitorOffer => "competitor_offer",
        UnmetNeeds => "unmet_needs",
        UnresolvedComplaints => "unresolved_complaints",
        OrderTrend => "order_trend",
        ContactChange => "contact_change",
    }
}

id_enum! {
    /// Ways of helping the customer succeed (DOMAIN.md §7).
    SymbiosisFacet labelled "symbiosis" {
        MarketDevelopment => "market_development",
        PurchasingPower => "purchasing_power",
        JointRnd => "joint_rnd",
        RiskReduction => "risk_reduction",
        AllianceFit => "alliance_fit",
    }
}

id_enum! {
    /// Griffin's three loyalty types (DOMAIN.md §4).
    LoyaltyType labelled "loyalty_type" {
        Behavioural => "behavioural",
        Intentional => "intentional",
        Emotional => "emotional",
    }
}

id_enum! {
    /// What the answers rest on: how much weight the results can bear.
    EvidenceFacet labelled "evidence" {
        /// Impressions, own records, or the customer's own data and words.
        Basis => "basis",
        /// Whether anyone watches the early-warning signals — seed 001's 事前监控预警
        Monitoring => "monitoring",
    }
}

id_enum! {
    /// Defection-risk bands.
    RiskBand labelled "risk_band" {
        Green => "green",
        Amber => "amber",
        Red => "red",
    }
}

id_enum! {
    /// Seed 001's three response phases: monitor and warn, control and coordinate, rescue.
    ResponsePhase labelled "phase" {
        Warn => "warn",
        Control => "control",
        Rescue => "rescue",
    }
}

id_enum! {
    /// Where an account-plan item stands (`data-status` on each plan item).
    PlanStatus labelled "plan_status" {
        Planned => "planned",
        InProgress => "in-progress",
        Done => "done",
        Dropped => "dropped",
    }
}

impl PlanStatus {
    /// Whether the item is still to be done (planned or in progress), so it can be overdue.
    pub fn is_open(self) -> bool {
        matches!(self, PlanStatus::Planned | PlanStatus::InProgress)
    }
}

id_enum! {
    /// A contact's role in the customer's buying decision (issue 16; Miller Heiman's buying
    /// influences plus the gatekeeper).
    BuyingRole labelled "buying_role" {
        EconomicBuyer => "economic_buyer",
        TechnicalEvaluator => "technical_evaluator",
        User => "user",
        Coach => "coach",
        Gatekeeper => "gatekeeper",
    }
}

id_enum! {
    /// How senior a contact is, most senior first.
    Seniority labelled "seniority" {
        Executive => "executive",
        SeniorManager => "senior_manager",
        Manager => "manager",
        Staff => "staff",
    }
}

id_enum! {
    /// How much a contact weighs in the customer's decisions.
    Influence labelled "influence" {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
}

id_enum! {
    /// A contact's attitude to the user's company, most favourable first.
    Attitude labelled "attitude" {
        Champion => "champion",
        Supporter => "supporter",
        Neutral => "neutral",
        Sceptic => "sceptic",
        Opponent => "opponent",
    }
}

impl Attitude {
    /// Champion or supporter.
    pub fn is_favourable(self) -> bool {
        matches!(self, Attitude::Champion | Attitude::Supporter)
    }

    /// Sceptic or opponent.
    pub fn is_hostile(self) -> bool {
        matches!(self, Attitude::Sceptic | Attitude::Opponent)
    }
}

id_enum! {
    /// The part of the customer's company a contact works in. A closed set, so the map can tell
    /// whether ties reach across "purchasing, technical and user departments" (`lvl_contacts`).
    ContactFunction labelled "function" {
        Purchasing => "purchasing",
        Technical => "technical",
        Operations => "operations",
        Commercial => "commercial",
        Finance => "finance",
        Management => "management",
        Other => "other",
    }
}

id_enum! {
    /// What the stakeholder map shows is missing or at risk (`data-coverage`; DOMAIN.md §9).
    CoverageId labelled "coverage" {
        ChampionLeft => "champion-left",
        InfluentialOpponent => "influential-opponent",
        SingleThreaded => "single-threaded",
        NoEconomicBuyer => "no-economic-buyer",
        NoExecutive => "no-executive",
        NotMet => "not-met",
        SingleOwner => "single-owner",
        NoCoach => "no-coach",
        NoTechnicalEvaluator => "no-technical-evaluator",
        NoUser => "no-user",
    }
}

/// What a question measures: a DOMAIN.md framework and, where it has one, its sub-id.
/// Written as `framework.sub_id`, e.g. `satisfaction.product_quality` or `level.contacts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    Level(LevelFacet),
    Context(ContextFactor),
    Satisfaction(SatisfactionLever),
    SwitchingCost(SwitchingLever),
    Capability(Capability),
    Safeguard(Safeguard),
    Warning(Warning),
    Symbiosis(SymbiosisFacet),
    LoyaltyType(LoyaltyType),
    Evidence(EvidenceFacet),
}

impl Dimension {
    /// The framework part of the id (`level`, `satisfaction`, …).
    pub fn framework(self) -> &'static str {
        match self {
            Dimension::Level(_) => "level",
            Dimension::Context(_) => "context",
            Dimension::Satisfaction(_) => "satisfaction",
            Dimension::SwitchingCost(_) => "switching_cost",
            Dimension::Capability(_) => "capability",
            Dimension::Safeguard(_) => "safeguard",
            Dimension::Warning(_) => "warning",
            Dimension::Symbiosis(_) => "symbiosis",
            Dimension::LoyaltyType(_) => "loyalty_type",
            Dimension::Evidence(_) => "evidence",
        }
    }

    fn sub_id(self) -> &'static str {
        match self {
            Dimension::Level(x) => x.id(),
            Dimension::Context(x) => x.id(),
            Dimension::Satisfaction(x) => x.id(),
            Dimension::SwitchingCost(x) => x.id(),
            Dimension::Capability(x) => x.id(),
            Dimension::Safeguard(x) => x.id(),
            Dimension::Warning(x) => x.id(),
            Dimension::Symbiosis(x) => x.id(),
            Dimension::LoyaltyType(x) => x.id(),
            Dimension::Evidence(x) => x.id(),
        }
    }

    /// Parses `framework.sub_id`.
    /// How many dimensions there are: the length of a table indexed by [`Dimension::index`].
    pub const COUNT: usize = 6 + 9 + 7 + 6 + 3 + 7 + 6 + 5 + 3 + 2;

    /// A dense position in `0..COUNT`, in the order of [`Dimension::all`]: scoring keeps one
    /// slot per dimension instead of searching a list.
    pub fn index(self) -> usize {
        match self {
            Dimension::Level(x) => x as usize,
            Dimension::Context(x) => 6 + x as usize,
            Dimension::Satisfaction(x) => 15 + x as usize,
            Dimension::SwitchingCost(x) => 22 + x as usize,
            Dimension::Capability(x) => 28 + x as usize,
            Dimension::Safeguard(x) => 31 + x as usize,
            Dimension::Warning(x) => 38 + x as usize,
            Dimension::Symbiosis(x) => 44 + x as usize,
            Dimension::LoyaltyType(x) => 49 + x as usize,
            Dimension::Evidence(x) => 52 + x as usize,
        }
    }

    pub fn parse(id: &str) -> Option<Dimension> {
        let (framework, sub) = id.split_once('.')?;
        Some(match framework {
            "level" => Dimension::Level(LevelFacet::parse(sub)?),
            "context" => Dimension::Context(ContextFactor::parse(sub)?),
            "satisfaction" => Dimension::Satisfaction(SatisfactionLever::parse(sub)?),
            "switching_cost" => Dimension::SwitchingCost(SwitchingLever::parse(sub)?),
            "capability" => Dimension::Capability(Capability::parse(sub)?),
            "safeguard" => Dimension::Safeguard(Safeguard::parse(sub)?),
            "warning" => Dimension::Warning(Warning::parse(sub)?),
            "symbiosis" => Dimension::Symbiosis(SymbiosisFacet::parse(sub)?),
            "loyalty_type" => Dimension::LoyaltyType(LoyaltyType::parse(sub)?),
            "evidence" => Dimension::Evidence(EvidenceFacet::parse(sub)?),
            _ => return None,
        })
    }

    /// Every dimension, framework by framework.
    pub fn all() -> Vec<Dimension> {
        let mut all = Vec::new();
        all.extend(LevelFacet::ALL.iter().map(|&x| Dimension::Level(x)));
        all.extend(ContextFactor::ALL.iter().map(|&x| Dimension::Context(x)));
        all.extend(
            SatisfactionLever::ALL
                .iter()
                .map(|&x| Dimension::Satisfaction(x)),
        );
        all.extend(
            SwitchingLever::ALL
                .iter()
                .map(|&x| Dimension::SwitchingCost(x)),
        );
        all.extend(Capability::ALL.iter().map(|&x| Dimension::Capability(x)));
        all.extend(Safeguard::ALL.iter().map(|&x| Dimension::Safeguard(x)));
        all.extend(Warning::ALL.iter().map(|&x| Dimension::Warning(x)));
        all.extend(SymbiosisFacet::ALL.iter().map(|&x| Dimension::Symbiosis(x)));
        all.extend(LoyaltyType::ALL.iter().map(|&x| Dimension::LoyaltyType(x)));
        all.extend(EvidenceFacet::ALL.iter().map(|&x| Dimension::Evidence(x)));
        all
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.framework(), self.sub_id())
    }
}

impl Serialize for Dimension {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Dimension {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Dimension::parse(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown dimension id {id:?}")))
    }
}

/// Declares a record id: a string newtype, stored and serialised as the plain string, so the
/// storage format is unchanged while an account id can never be passed where an assessment id
/// is expected (or the other way round).
macro_rules! record_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        // Shown as the quoted id, like the string it wraps (a derived tuple-struct Debug would
        // also pull the tuple formatter into the wasm).
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl $name {
            /// The id as text (storage keys, URLs, `data-*` attributes).
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                $name(id)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&$name> for $name {
            fn eq(&self, other: &&$name) -> bool {
                self == *other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

record_id! {
    /// An account's id (random base 36, made by the browser): the key of its stored record.
    AccountId
}

record_id! {
    /// An assessment's id, unique within its account.
    AssessmentId
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_round_trips_through_its_id() {
        let all = Dimension::all();
        assert_eq!(all.len(), 6 + 9 + 7 + 6 + 3 + 7 + 6 + 5 + 3 + 2);
        assert_eq!(all.len(), Dimension::COUNT);
        for (at, dim) in all.into_iter().enumerate() {
            assert_eq!(dim.index(), at, "{dim}");
            let id = dim.to_string();
            assert_eq!(Dimension::parse(&id), Some(dim), "{id}");
            let json = serde_json::to_string(&dim).unwrap();
            assert_eq!(serde_json::from_str::<Dimension>(&json).unwrap(), dim);
        }
    }

    #[test]
    fn unknown_ids_are_rejected() {
        assert_eq!(Dimension::parse("satisfaction"), None);
        assert_eq!(Dimension::parse("satisfaction.price"), None);
        assert_eq!(Dimension::parse("mood.happy"), None);
        assert!(serde_json::from_str::<Level>("\"king\"").is_err());
    }

    #[test]
    fn level_ladder_order_and_evidence_scores() {
        assert_eq!(Level::Supplier.next(), Some(Level::Preferred));
        assert_eq!(Level::Partner.next(), None);
        assert_eq!(Level::from_evidence_score(0), Level::Supplier);
        assert_eq!(Level::from_evidence_score(33), Level::Preferred);
        assert_eq!(Level::from_evidence_score(67), Level::Extended);
        assert_eq!(Level::from_evidence_score(100), Level::Partner);
        assert!(Level::Partner.rank() > Level::Extended.rank());
    }
}
