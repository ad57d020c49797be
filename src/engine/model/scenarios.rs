//! The seeds' own case studies, answered as the supplier's key-account manager would really
//! answer them, each answer with its reason — the acceptance cases of the scoring rules
//! (docs/CASES.md states what an expert expects of each, and why).
//!
//! Used by the scoring tests and, through `examples/e2e_fixtures.rs`, by the browser tests,
//! which enter the same answers through the UI and compare what the page shows.
//!
//! An answer is the score of the chosen option (the option is found by its score), or `None`
//! for "don't know / not applicable". Quotes 「…」 are from the seed named; "inferred" marks what
//! the article does not say and a realistic KAM at that supplier would answer.

use serde::Serialize;

use crate::engine::model::answers::{Answers, Choice};
use crate::engine::model::bank::{Bank, Question};
use crate::engine::model::ids::*;

/// One answer of a case: the question, the chosen option's score (`None` = don't know), and why.
pub type Answer = (&'static str, Option<u8>, &'static str);

/// What an expert expects of a case (docs/CASES.md, each case's "Must").
#[derive(Debug, Clone, Serialize)]
pub struct Expect {
    pub level: Level,
    pub target: Level,
    pub quadrant: Quadrant,
    pub band: RiskBand,
    /// `None` = no bottleneck.
    pub bottleneck: Option<Capability>,
    /// The stage's id (`initial`, `stable`, `strategic`, `development`).
    pub stage: &'static str,
}

/// One case.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// Stable name, used by the browser tests.
    pub name: &'static str,
    /// The seed article and the moment of the snapshot.
    pub source: &'static str,
    /// Option index per question id (absent = unanswered).
    pub answers: Answers,
    pub expect: Expect,
}

/// The option of `q` whose score is closest to `target` (the lower one on a tie).
pub fn nearest(q: &Question, target: u8) -> Choice {
    let best = (0..q.options.len())
        .min_by_key(|&i| (i16::from(q.options[i].score) - i16::from(target)).abs())
        .unwrap_or(0);
    Choice::option(best)
}

/// Answers each question with the option nearest the score `rule` gives its dimension.
pub fn answers_by(bank: &Bank, rule: impl Fn(Dimension) -> Option<u8>) -> Answers {
    Answers::from_fn(bank, |q| rule(q.dimension).map(|t| nearest(q, t)))
}

/// Turns a case's answers into stored answers.
///
/// # Panics
/// If an answer names a question the bank lacks or a score no option has: a case must say
/// exactly what the KAM ticked.
pub fn answers_of(bank: &Bank, case: &[Answer]) -> Answers {
    let mut answers = Answers::new();
    for &(id, score, _why) in case {
        let q = bank
            .question(id)
            .unwrap_or_else(|| panic!("case answers unknown question {id}"));
        let choice = match score {
            None => Choice::DontKnow,
            Some(score) => {
                let at = q
                    .options
                    .iter()
                    .position(|o| o.score == score)
                    .unwrap_or_else(|| panic!("{id} has no option scored {score}"));
                Choice::option(at)
            }
        };
        answers.set(id, choice);
    }
    answers
}

/// Replaces some answers of a case (a later snapshot, a variant).
pub fn amend(base: &[Answer], changes: &[Answer]) -> Vec<Answer> {
    base.iter()
        .map(|a| *changes.iter().find(|c| c.0 == a.0).unwrap_or(a))
        .collect()
}

/// Seed 000: supplier A has just agreed to be paid in the customer's shares and signed the
/// long-term supply contract.
pub const SUPPLIER_A: &[Answer] = &[
    ("ev_basis", Some(50), "Own records of a long relationship; no formal scorecard from the customer (inferred)."),
    ("ctx_volume", Some(75), "「每年…创造几十亿美元的价值」: a major account, among the top ten (inferred)."),
    ("ctx_revenue_share", Some(75), "A sole long-term contract with a billion-dollar buyer: a large share of A's revenue (inferred)."),
    ("ctx_frequency", Some(75), "A long-term material-supply contract: continuous orders under a framework."),
    ("ctx_complexity", Some(75), "「适应技术和市场的快速发展」 and value-added services: customised, evolving needs."),
    ("ctx_mutual_importance", Some(100), "「两家大公司」 tied by shares: strategic to both."),
    ("ctx_bargaining", Some(75), "Many suppliers court the customer, but A alone accepted the terms: give and take, not dictation."),
    ("ctx_dependence", Some(75), "The customer relies on A for long-term supply of critical materials."),
    ("ctx_appetite", Some(100), "「想和供应商达成长期的战略合作关系」: judges suppliers on future capability (the 伙伴型 customer of seed 000)."),
    ("ctx_return", Some(75), "Cash-flow risk, but a large long-term contract plus upside on the shares: not a luxury."),
    ("ctx_course", Some(100), "A customer creating billions a year in a fast-growing market."),
    ("lvl_contacts", Some(67), "Payment in equity is agreed at the top on both sides (inferred from the decision)."),
    ("lvl_information", Some(67), "「彼此深刻的了解和信任」: strategic plans shared."),
    ("lvl_understanding", Some(67), "A understood the customer well enough to see the share term as an opportunity."),
    ("lvl_planning", Some(67), "Multi-year volume planning under the long-term contract; no joint committee yet (inferred)."),
    ("lvl_preference", Some(67), "「选定一家供应商」: the single supplier chosen; rivals had their chance and refused."),
    ("lvl_dependence", Some(100), "A's payment is the customer's equity; the customer depends on A's supply: locked in together."),
    ("lvl_formal_links", Some(100), "A capital link: A holds the customer's shares, plus the long-term contract."),
    ("sat_quality", Some(75), "Picked as 「有实力的供应商」: quality consistently good (inferred)."),
    ("sat_quality_compare", Some(75), "Chosen over all rivals on strength (inferred)."),
    ("sat_tech_support", Some(75), "Strong technical support is part of what the customer asked for (inferred)."),
    ("sat_tech_lead", Some(75), "「在价格，技术，设备…上都能够有优势」 (inferred from selection)."),
    ("sat_solution_fit", Some(75), "Supply shaped to the customer's long-term needs (inferred)."),
    ("sat_solution_edge", Some(50), "It keeps the customer current; no evidence yet that it wins it business."),
    ("sat_price_talks", Some(75), "The deal closed quickly once A accepted the share term (「当机立断」)."),
    ("sat_terms_flex", Some(100), "A accepted non-cash payment: flexibility few suppliers give."),
    ("sat_service", Some(75), "Service is a stated purpose of the deal (「为保证供应材料的质量和服务」)."),
    ("sat_service_compare", Some(75), "Selected over rivals partly on service (inferred)."),
    ("sat_tailoring", Some(50), "Adapted to main preferences; department-level tailoring not described (inferred)."),
    ("sat_personal_renew", Some(50), "Occasional new value so far; the value-added roadmap is still to come (inferred)."),
    ("sat_recognition", Some(75), "Long 「理解、协助、支持、适应、配合」: the teams credit each other (inferred)."),
    ("sat_safe_choice", Some(75), "The customer's management presented A as the chosen, proven supplier."),
    ("sw_investment", Some(50), "Raw materials: moderate customer investment specific to A (inferred)."),
    ("sw_integration", Some(75), "Long-term supply planned into the customer's production (inferred)."),
    ("sw_criticality", Some(75), "Critical materials for the customer's phone parts."),
    ("sw_uncertainty", Some(50), "Other suppliers exist but would need trials (inferred)."),
    ("sw_brand", Some(75), "A's record with the customer makes replacing it look risky."),
    ("sw_personal_risk", Some(75), "The executives who chose A in equity would have to justify leaving it."),
    ("sw_differentiation", Some(50), "Some features others lack; raw materials are not unique (inferred)."),
    ("sw_specific_assets", Some(50), "Some customer-specific know-how (inferred)."),
    ("sw_incentives", Some(75), "A multi-year agreement."),
    ("sw_commitment_term", Some(100), "A long-term contract paid in shares: years before anyone walks away freely."),
    ("sw_exec_channel", Some(75), "Executive visits both ways around the equity deal (inferred)."),
    ("sw_personal_ties", Some(75), "Trust built over a long time (「建立了信任」)."),
    ("cap_trust_candour", Some(75), "Long mutual trust implies openness about problems (inferred)."),
    ("cap_trust_confidences", Some(75), "The customer shares plans readily (「彼此深刻的了解」)."),
    ("cap_trust_familiarity", Some(75), "A long relationship: the teams know each other well."),
    ("cap_exec_commitments", Some(75), "Commitments kept: the basis of the selection (inferred)."),
    ("cap_exec_delivery", Some(75), "Delivers well enough to be the one supplier chosen (inferred)."),
    ("cap_exec_connection", Some(50), "Adequate joint operations; no connected systems described (inferred)."),
    ("cap_innov_ideas", Some(50), "Occasional ideas; the customer wants more (「更多的…增值服务」)."),
    ("cap_innov_adopted", Some(50), "A few adopted (inferred)."),
    ("cap_innov_models", Some(50), "Accepting payment in shares was itself a new way of working: one pilot."),
    ("sg_communication", Some(50), "A key-account manager with regular visits; no dedicated unit yet (inferred)."),
    ("sg_needs_alignment", Some(50), "Keeps up with product needs, mostly; the fast-moving market is the watch item."),
    ("sg_strategy_alignment", Some(75), "The deal follows the customer's strategy of long-term alliances."),
    ("sg_quality_guarantee", Some(75), "Quality is the purpose of the equity payment: a quality plan with indicators."),
    ("sg_service_guarantee", Some(75), "Service levels agreed and measured under the contract (inferred)."),
    ("sg_delivery_guarantee", Some(75), "Peak needs planned with the customer under the contract (inferred)."),
    ("sg_value_guarantee", Some(75), "Price, technology and service advantages: value somewhat above competitors."),
    ("loy_behavioural", Some(100), "The sole supplier on the contract: the largest share."),
    ("loy_intentional", Some(100), "Committed in the customer's long-term plans by contract."),
    ("loy_emotional", None, "Too early to know whether the customer recommends A to others."),
    ("mon_watch", Some(50), "Order data reviewed regularly; nobody watches the customer as an investor would (inferred)."),
    ("warn_price", Some(75), "Rivals still court the customer, but it has not moved."),
    ("warn_offer", Some(75), "Little contact from rivals since the contract (inferred)."),
    ("warn_unmet", Some(75), "Hardly any unmet needs; value-added services are the open one."),
    ("warn_complaints", None, "Too early in the contract to judge complaint handling."),
    ("warn_share", Some(100), "From one supplier among many to the sole contract: share growing."),
    ("warn_contacts", Some(100), "No changes reported."),
    ("sym_market", Some(25), "Little help with the customer's own markets yet (inferred)."),
    ("sym_purchasing_power", Some(75), "Accepting shares eases the customer's cash flow: regular, measurable help."),
    ("sym_rnd", Some(50), "Joins some projects (inferred)."),
    ("sym_risk", Some(50), "Some supply-security help (inferred)."),
    ("sym_alliance_fit", Some(75), "Long understanding of each other (「长时间的理解…配合」)."),
];

/// Seed 001: the Korean parts makers holding Hyundai shares, snapshot (b): Beijing Hyundai has
/// announced an open national tender for parts.
pub const HYUNDAI_TENDER: &[Answer] = &[
    ("ev_basis", Some(50), "Own order and cost records; the customer's cost complaints are informal (inferred)."),
    ("ctx_volume", Some(100), "Hyundai is most of the maker's business in China (inferred)."),
    ("ctx_revenue_share", Some(100), "The maker followed Hyundai into China: more than a quarter of its revenue."),
    ("ctx_frequency", Some(100), "Daily supply into the car plants."),
    ("ctx_complexity", Some(75), "Parts engineered for the cars."),
    ("ctx_mutual_importance", Some(75), "Important to both: the makers are shareholders and key suppliers."),
    ("ctx_bargaining", Some(50), "The OEM usually prevails, but the shareholder-supplier has some leverage."),
    ("ctx_dependence", Some(75), "Parts are critical to the cars."),
    ("ctx_appetite", Some(50), "Was a partnership buyer; cost pressure now puts parts to tender case by case."),
    ("ctx_return", Some(75), "Comfortable margins for the maker: the supplier is profitable, the customer is not."),
    ("ctx_course", Some(50), "The trap: car sales fall with the market, so the honest KAM answers 'shrinking with its market'."),
    ("lvl_contacts", Some(100), "Group-level ties as a shareholder: leaders steer the relationship together."),
    ("lvl_information", Some(67), "Localisation and capacity plans were synchronised when following Hyundai into China."),
    ("lvl_understanding", Some(67), "Deep understanding of the customer's business (inferred)."),
    ("lvl_planning", Some(67), "Joint plans the customer's teams rely on (inferred)."),
    ("lvl_preference", Some(0), "「全国零部件供应商公开招标」: new and existing business competes on price like everyone else."),
    ("lvl_dependence", Some(67), "Both would lose a lot: dedicated plants and engineered parts (inferred)."),
    ("lvl_formal_links", Some(100), "「零部件企业是现代汽车集团的股东之一」: a capital link."),
    ("sat_quality", Some(75), "Quality is not the problem (inferred)."),
    ("sat_quality_compare", Some(50), "About the same as the national bidders' parts (inferred)."),
    ("sat_tech_support", Some(75), "Good engineering support (inferred)."),
    ("sat_tech_lead", Some(50), "On a par with the market."),
    ("sat_solution_fit", Some(75), "Parts customised to the cars."),
    ("sat_solution_edge", Some(0), "「成本上升，产品无竞争力销量下滑」: the parts now make the car uncompetitive."),
    ("sat_price_talks", Some(0), "The customer disputes prices and moves business on price: the tender."),
    ("sat_terms_flex", Some(25), "Flexibility only after escalation (inferred)."),
    ("sat_service", Some(75), "Service reliable (inferred)."),
    ("sat_service_compare", Some(50), "About the same as the bidders'."),
    ("sat_tailoring", Some(75), "Service tailored to the plants after years together."),
    ("sat_personal_renew", Some(25), "Rarely anything new: the offer stood still while costs rose."),
    ("sat_recognition", Some(50), "Businesslike; the relationship is under cost scrutiny."),
    ("sat_safe_choice", Some(25), "Decision makers exposed for high costs: they line up fallback suppliers (the tender)."),
    ("sw_investment", Some(75), "Processes and systems built around the makers' parts."),
    ("sw_integration", Some(75), "Qualified parts, connected processes."),
    ("sw_criticality", Some(75), "Critical for the cars."),
    ("sw_uncertainty", Some(50), "National bidders would need trials."),
    ("sw_brand", Some(50), "Comparable with the national bidders."),
    ("sw_personal_risk", Some(25), "Replacing an expensive incumbent earns the decision maker credit now."),
    ("sw_differentiation", Some(25), "Slightly different from national parts."),
    ("sw_specific_assets", Some(75), "Much is specific: engineered parts, dedicated plants."),
    ("sw_incentives", Some(50), "Volume rebates (inferred)."),
    ("sw_commitment_term", Some(25), "The tender means the customer can walk away within months."),
    ("sw_exec_channel", Some(100), "Executives talk directly as shareholders."),
    ("sw_personal_ties", Some(75), "Close ties with most decision makers."),
    ("cap_trust_candour", Some(50), "Problems reported and fixed; the cost issue was not raised early."),
    ("cap_trust_confidences", Some(75), "The customer shares plans readily."),
    ("cap_trust_familiarity", Some(100), "Long-standing familiarity at every level."),
    ("cap_exec_commitments", Some(75), "Commitments kept."),
    ("cap_exec_delivery", Some(75), "Delivers well."),
    ("cap_exec_connection", Some(75), "Efficient joint operations."),
    ("cap_innov_ideas", Some(25), "Rarely new ideas: no cost-down proposals."),
    ("cap_innov_adopted", Some(25), "One small one."),
    ("cap_innov_models", Some(25), "Discussed, not pursued."),
    ("sg_communication", Some(75), "A dedicated unit with regular reviews."),
    ("sg_needs_alignment", Some(50), "Keeps up with product needs, mostly."),
    ("sg_strategy_alignment", Some(25), "Knows the customer's cost strategy but has not acted on it."),
    ("sg_quality_guarantee", Some(75), "Quality plan with indicators."),
    ("sg_service_guarantee", Some(75), "Service levels measured."),
    ("sg_delivery_guarantee", Some(75), "Reliable delivery."),
    ("sg_value_guarantee", Some(0), "The fourth guarantee failed: delivered value clearly below the national bidders'."),
    ("loy_behavioural", Some(75), "Still the main supplier on existing lines."),
    ("loy_intentional", Some(25), "Undecided: the tender decides."),
    ("loy_emotional", Some(25), "The customer no longer mentions the makers to others."),
    ("mon_watch", Some(25), "Order data now and then: the relationship was treated as 「相当牢固」."),
    ("warn_price", Some(0), "The customer uses lower national prices to renegotiate and trial them."),
    ("warn_offer", Some(25), "Rivals are approaching and the customer is listening."),
    ("warn_unmet", Some(25), "Several unmet needs, cost first."),
    ("warn_complaints", Some(50), "One or two open issues."),
    ("warn_share", Some(0), "Our business was put to open tender."),
    ("warn_contacts", Some(75), "Minor changes."),
    ("sym_market", Some(25), "Little help with the customer's own sales."),
    ("sym_purchasing_power", Some(0), "The makers' costs weaken the customer's economics."),
    ("sym_rnd", Some(50), "Some joint engineering."),
    ("sym_risk", Some(50), "Some supply-security help."),
    ("sym_alliance_fit", Some(75), "A shared Korean network: differences well understood."),
];

/// Seed 001, snapshot (a): costs are rising and car sales falling, but no tender yet.
pub fn hyundai_costs_rising() -> Vec<Answer> {
    amend(
        HYUNDAI_TENDER,
        &[
            ("lvl_preference", Some(67), "Before the tender: involved early, rivals rarely get a chance."),
            ("ctx_appetite", Some(75), "Still a partnership buyer: long-term commitments asked of its shareholder-suppliers."),
            ("sat_price_talks", Some(25), "Hard negotiations, agreed after repeated push-back."),
            ("sat_solution_edge", Some(25), "Rarely an edge: the cost gap is growing."),
            ("sg_value_guarantee", Some(25), "Value somewhat below the bidders' as costs rise."),
            ("loy_intentional", Some(50), "Likely, for now."),
            ("warn_price", Some(50), "Occasional lower offers."),
            ("warn_offer", Some(75), "Little rival contact yet."),
            ("sw_commitment_term", Some(50), "About a year before the customer could walk away."),
            ("warn_share", Some(75), "The trap: orders fall with the customer's falling car sales, so the share looks stable."),
        ],
    )
}

/// Seed 002: a one-off truss bridge for a local government, while it is being delivered.
pub const TRUSS_BRIDGE: &[Answer] = &[
    (
        "ev_basis",
        Some(50),
        "Project records: schedule, budget, site reports.",
    ),
    (
        "ctx_volume",
        Some(25),
        "One project; below average for the EPC firm.",
    ),
    ("ctx_revenue_share", Some(25), "1–3% of revenue (inferred)."),
    (
        "ctx_frequency",
        Some(0),
        "「临时项目」: a one-off, no repeat purchase expected.",
    ),
    (
        "ctx_complexity",
        Some(50),
        "An engineered bridge needs technical discussion.",
    ),
    (
        "ctx_mutual_importance",
        Some(25),
        "The project matters to the government, the government little to the firm.",
    ),
    (
        "ctx_bargaining",
        Some(25),
        "Public procurement sets the terms.",
    ),
    (
        "ctx_dependence",
        Some(25),
        "Alternatives exist: other EPC firms bid.",
    ),
    (
        "ctx_appetite",
        Some(25),
        "Public procurement buys on price from the qualified bidders (the 交易型 customer of seed 000).",
    ),
    (
        "ctx_return",
        Some(50),
        "Project-level return, in line with other projects.",
    ),
    ("ctx_course", None, "Not applicable to a one-off project."),
    (
        "lvl_contacts",
        Some(0),
        "The project office and procurement officials.",
    ),
    (
        "lvl_information",
        Some(0),
        "Specifications, schedule and budget only.",
    ),
    (
        "lvl_understanding",
        Some(33),
        "Key people's priorities on the project are known.",
    ),
    ("lvl_planning", Some(0), "The project schedule only."),
    ("lvl_preference", Some(0), "Won in a public tender."),
    (
        "lvl_dependence",
        Some(0),
        "When the bridge is built, the relationship ends.",
    ),
    ("lvl_formal_links", Some(0), "One project contract."),
    (
        "sat_quality",
        Some(75),
        "The bridge is being built to specification.",
    ),
    (
        "sat_quality_compare",
        Some(50),
        "About the same as other bidders would deliver.",
    ),
    ("sat_tech_support", Some(75), "Site problems solved fast."),
    ("sat_tech_lead", Some(50), "On a par with the market."),
    (
        "sat_solution_fit",
        Some(50),
        "Adapted to the site's main requirements.",
    ),
    ("sat_solution_edge", None, "Not applicable to a bridge."),
    (
        "sat_price_talks",
        Some(50),
        "The tender price, within the usual range.",
    ),
    ("sat_terms_flex", Some(50), "Case by case."),
    ("sat_service", Some(75), "Responsive site service."),
    ("sat_service_compare", Some(50), "About the same."),
    (
        "sat_tailoring",
        Some(50),
        "Adapted to the project office's preferences.",
    ),
    ("sat_personal_renew", None, "Not applicable to a one-off."),
    ("sat_recognition", Some(50), "Courteous and businesslike."),
    ("sat_safe_choice", Some(50), "The standard approval."),
    ("sw_investment", Some(0), "Nothing specific to the firm."),
    (
        "sw_integration",
        Some(0),
        "Not built into the customer's operations.",
    ),
    (
        "sw_criticality",
        Some(50),
        "The bridge matters, but there is no next purchase to switch.",
    ),
    ("sw_uncertainty", Some(25), "Other EPC firms are proven."),
    ("sw_brand", Some(50), "Comparable with other bidders."),
    (
        "sw_personal_risk",
        Some(25),
        "Little risk in choosing another firm next time.",
    ),
    ("sw_differentiation", Some(25), "Slightly different."),
    (
        "sw_specific_assets",
        Some(50),
        "Some project-specific design.",
    ),
    ("sw_incentives", Some(0), "None: the contract stands alone."),
    (
        "sw_commitment_term",
        None,
        "Not applicable: there is no next purchase.",
    ),
    ("sw_exec_channel", Some(25), "Occasional formal contact."),
    ("sw_personal_ties", Some(25), "Cordial with a few."),
    (
        "cap_trust_candour",
        Some(75),
        "Site issues reported early with the fix.",
    ),
    (
        "cap_trust_confidences",
        Some(50),
        "Shares what the project needs.",
    ),
    (
        "cap_trust_familiarity",
        Some(50),
        "The project teams know each other at work.",
    ),
    (
        "cap_exec_commitments",
        Some(75),
        "Milestones almost always kept.",
    ),
    (
        "cap_exec_delivery",
        Some(75),
        "On time and on budget so far.",
    ),
    (
        "cap_exec_connection",
        Some(50),
        "Adequate project reporting.",
    ),
    (
        "cap_innov_ideas",
        Some(25),
        "Rarely: the specification is fixed.",
    ),
    ("cap_innov_adopted", None, "Not applicable."),
    ("cap_innov_models", Some(0), "No."),
    (
        "sg_communication",
        Some(50),
        "A project manager with regular site meetings.",
    ),
    (
        "sg_needs_alignment",
        None,
        "Not applicable to a fixed specification.",
    ),
    (
        "sg_strategy_alignment",
        Some(25),
        "The government's plans are known, not acted on.",
    ),
    (
        "sg_quality_guarantee",
        Some(75),
        "A quality plan reviewed with the project office.",
    ),
    (
        "sg_service_guarantee",
        Some(75),
        "Service levels agreed and reported.",
    ),
    (
        "sg_delivery_guarantee",
        Some(75),
        "Milestones planned with the customer.",
    ),
    (
        "sg_value_guarantee",
        Some(50),
        "Equal to the other bidders'.",
    ),
    ("loy_behavioural", None, "Not applicable: one purchase."),
    ("loy_intentional", None, "Not applicable."),
    (
        "loy_emotional",
        Some(50),
        "Would give a reference if asked.",
    ),
    (
        "mon_watch",
        Some(50),
        "Project data reviewed regularly; no account-level watch needed.",
    ),
    ("warn_price", None, "Not applicable during delivery."),
    ("warn_offer", None, "Not applicable during delivery."),
    (
        "warn_unmet",
        Some(100),
        "None open at the last project review.",
    ),
    (
        "warn_complaints",
        Some(100),
        "Site complaints closed quickly.",
    ),
    ("warn_share", None, "Not applicable: no order trend."),
    (
        "warn_contacts",
        Some(75),
        "Minor changes in the project office.",
    ),
    ("sym_market", Some(0), "No."),
    ("sym_purchasing_power", Some(0), "No."),
    ("sym_rnd", Some(0), "No."),
    ("sym_risk", Some(25), "Ad hoc help with construction risks."),
    (
        "sym_alliance_fit",
        Some(50),
        "Reasonable mutual understanding.",
    ),
];

/// Seed 002: the trucking firm with trucks reserved for a few selected customers under
/// exclusive contracts, first renewal within the year.
pub const DEDICATED_TRUCKS: &[Answer] = &[
    ("ev_basis", Some(75), "Utilisation data and the customer's volume forecasts, reviewed with it."),
    ("ctx_volume", Some(75), "One of the few selected customers: among the largest."),
    ("ctx_revenue_share", Some(50), "3–10% of revenue (inferred)."),
    ("ctx_frequency", Some(100), "Daily last-mile deliveries woven into the customer's operations."),
    ("ctx_complexity", Some(50), "Reserved capacity and schedules need coordination, not deep engineering."),
    ("ctx_mutual_importance", Some(75), "「稳定的收入流」 for the carrier, guaranteed capacity for the customer."),
    ("ctx_bargaining", Some(75), "The customer pays a premium; the carrier gives up flexibility: give and take."),
    ("ctx_dependence", Some(75), "Last-mile capacity is scarce: critical to the customer's e-commerce."),
    ("ctx_appetite", Some(75), "The customer signed an exclusive long-term contract and pays for reserved capacity."),
    ("ctx_return", Some(100), "「这种客户关系被证明是利润最高的」."),
    ("ctx_course", Some(100), "「电子商务的上升势头」: growing."),
    ("lvl_contacts", Some(67), "The executive who signed the exclusive deal talks with the carrier's management (inferred)."),
    ("lvl_information", Some(67), "Volume forecasts and schedules shared and synchronised: reserved capacity needs them."),
    ("lvl_understanding", Some(67), "Understands the customer's delivery business deeply."),
    ("lvl_planning", Some(67), "Capacity planning the customer relies on."),
    ("lvl_preference", Some(100), "Exclusive by contract: its area is not tendered."),
    ("lvl_dependence", Some(67), "The carrier gave up flexibility; the customer relies on the capacity."),
    ("lvl_formal_links", Some(100), "A binding exclusive arrangement with trucks dedicated to this customer; no capital."),
    ("sat_quality", Some(75), "Delivery certainty is the product, consistently good."),
    ("sat_quality_compare", Some(75), "Better than spot carriers."),
    ("sat_tech_support", None, "Not a technical product."),
    ("sat_tech_lead", Some(50), "On a par with the market."),
    ("sat_solution_fit", Some(75), "Capacity customised to the customer's schedule."),
    ("sat_solution_edge", Some(75), "Last-mile capacity gives the customer an edge in e-commerce."),
    ("sat_price_talks", Some(75), "The customer accepts a higher price as fair for reserved capacity."),
    ("sat_terms_flex", Some(75), "Flexible within the agreed rules."),
    ("sat_service", Some(75), "Reliable and fast."),
    ("sat_service_compare", Some(75), "Better than alternatives."),
    ("sat_tailoring", Some(50), "Adapted to the main departments."),
    ("sat_personal_renew", Some(50), "Occasional new value."),
    ("sat_recognition", Some(75), "The customer credits the carrier's people."),
    ("sat_safe_choice", Some(75), "Presented internally as the proven choice."),
    ("sw_investment", Some(25), "Little customer investment: trucks are the carrier's."),
    ("sw_integration", Some(50), "Partly integrated delivery schedules."),
    ("sw_criticality", Some(75), "Critical for e-commerce deliveries."),
    ("sw_uncertainty", Some(50), "Another carrier would need trials."),
    ("sw_brand", Some(50), "Comparable."),
    ("sw_personal_risk", Some(50), "Some risk for the person who chose the deal."),
    ("sw_differentiation", Some(50), "Some features others lack, but the model can be copied."),
    ("sw_specific_assets", Some(50), "Some: trucks are not customer-specific."),
    ("sw_incentives", Some(75), "A multi-year exclusive agreement."),
    ("sw_commitment_term", Some(50), "Renewal within about a year."),
    ("sw_exec_channel", Some(50), "Executives meet once or twice a year."),
    ("sw_personal_ties", Some(50), "Good with several."),
    ("cap_trust_candour", Some(75), "Problems reported early."),
    ("cap_trust_confidences", Some(50), "Shares what the contract needs."),
    ("cap_trust_familiarity", Some(50), "「让承运商能够跟选定的客户建立信任」: trust is still being built."),
    ("cap_exec_commitments", Some(100), "Reserved capacity always delivered: they plan on it."),
    ("cap_exec_delivery", Some(75), "Delivers well."),
    ("cap_exec_connection", Some(75), "Efficient, with regular reporting."),
    ("cap_innov_ideas", Some(75), "「其中最有效的战略与创新能力有关」."),
    ("cap_innov_adopted", Some(75), "The exclusive model itself, with visible benefits."),
    ("cap_innov_models", Some(100), "A new contract form that is the most valuable part of the relationship."),
    ("sg_communication", Some(50), "A key-account manager with regular visits."),
    ("sg_needs_alignment", Some(75), "Capacity planned for the coming needs."),
    ("sg_strategy_alignment", Some(75), "Plans follow the customer's e-commerce strategy."),
    ("sg_quality_guarantee", Some(75), "Delivery quality tracked with the customer."),
    ("sg_service_guarantee", Some(75), "Service levels measured."),
    ("sg_delivery_guarantee", Some(100), "保证物流顺畅 is literally what is sold: always, peaks included."),
    ("sg_value_guarantee", Some(75), "The premium paid willingly shows value above alternatives."),
    ("loy_behavioural", Some(100), "Exclusive: the whole share."),
    ("loy_intentional", Some(75), "In the customer's plans until renewal."),
    ("loy_emotional", None, "Unknown whether it recommends the carrier."),
    ("mon_watch", Some(50), "Utilisation and volume reviewed; no renewal or competitor watch."),
    ("warn_price", Some(50), "Occasional cheaper offers as rivals copy the model."),
    ("warn_offer", Some(75), "Little rival contact."),
    ("warn_unmet", Some(75), "Hardly any."),
    ("warn_complaints", Some(75), "All resolved, some late."),
    ("warn_share", Some(100), "Growing with the customer's e-commerce."),
    ("warn_contacts", Some(75), "Minor changes."),
    ("sym_market", Some(50), "Some market information."),
    ("sym_purchasing_power", Some(25), "Rarely."),
    ("sym_rnd", Some(0), "No R&D involvement."),
    ("sym_risk", Some(75), "Guaranteed capacity lowers the customer's delivery risk."),
    ("sym_alliance_fit", Some(50), "Reasonable understanding."),
];

/// Seed 004: Huawei at the J-province railway-telecom customer after winning phase one.
pub const HUAWEI_PHASE_ONE: &[Answer] = &[
    ("ev_basis", Some(75), "Network planning sessions and the market study done with the customer: its own words and data."),
    ("ctx_volume", Some(75), "37,000 lines, growing to 「幾十萬門、幾百萬門」."),
    ("ctx_revenue_share", Some(25), "A small share of Huawei's revenue."),
    ("ctx_frequency", Some(25), "Phases are tendered separately."),
    ("ctx_complexity", Some(75), "Complex network solutions."),
    ("ctx_mutual_importance", Some(75), "The customer's growth depends on the network; the account is a showcase for Huawei."),
    ("ctx_bargaining", Some(75), "Balanced: the customer chose on value, not on dictated terms."),
    ("ctx_dependence", Some(75), "The 37,000-line network is critical to its operations."),
    ("ctx_appetite", Some(75), "It accepted Huawei's 「經營思想」 and asks for help running its business."),
    ("ctx_return", Some(100), "「銷售費用僅僅幾千元而已」 for a large return."),
    ("ctx_course", Some(100), "Growing fast."),
    ("lvl_contacts", Some(33), "Many key people at working level; top management backs B (「來自鐵通上層的支持」)."),
    ("lvl_information", Some(67), "Network plans and market problems shared."),
    ("lvl_understanding", Some(67), "「為客戶做市場的SWOT分析」: proposes before being asked."),
    ("lvl_planning", Some(67), "「一起連續幾天干到深夜」 on network planning: joint plans at working level."),
    ("lvl_preference", Some(33), "Phase one won; phase two is open and fierce."),
    ("lvl_dependence", Some(33), "Growing, but each side could still adjust within months."),
    ("lvl_formal_links", Some(0), "The phase-one contract only."),
    ("sat_quality", Some(75), "Stable where B's equipment was not."),
    ("sat_quality_compare", Some(100), "Measurably better: inter-office billing."),
    ("sat_tech_support", Some(75), "Fast expert support."),
    ("sat_tech_lead", Some(75), "Ahead where it matters (billing)."),
    ("sat_solution_fit", Some(75), "Customised to the customer's network."),
    ("sat_solution_edge", Some(75), "Helps it win business."),
    ("sat_price_talks", Some(75), "Higher price (「相對較貴」) accepted as fair for the value."),
    ("sat_terms_flex", None, "Not yet tested."),
    ("sat_service", Some(100), "「超出客戶期望值的事情」: proactive."),
    ("sat_service_compare", Some(100), "Clearly better than B's, and they say so."),
    ("sat_tailoring", Some(75), "Tailored to market, planning and maintenance departments."),
    ("sat_personal_renew", Some(75), "Keeps adding value: selling-skills courses, market studies."),
    ("sat_recognition", Some(100), "They ask for Huawei's people and speak up for them internally."),
    ("sat_safe_choice", Some(50), "The standard approval; top management still favours B."),
    ("sw_investment", Some(75), "The installed base and its operations now lock in Huawei."),
    ("sw_integration", Some(75), "Deeply connected network."),
    ("sw_criticality", Some(75), "Billing is critical."),
    ("sw_uncertainty", Some(50), "「B公司的新設備未必不存在此問題」: B's new kit would need trials."),
    ("sw_brand", Some(75), "Replacing Huawei now looks risky."),
    ("sw_personal_risk", Some(50), "Some risk for the working-level champions."),
    ("sw_differentiation", Some(75), "Billing clearly differentiates, for now."),
    ("sw_specific_assets", Some(50), "Some network-specific design."),
    ("sw_incentives", Some(0), "None: each phase stands alone."),
    ("sw_commitment_term", Some(25), "Phase two can go to anyone."),
    ("sw_exec_channel", Some(25), "Occasional formal contact at the top."),
    ("sw_personal_ties", Some(50), "Good with several working-level decision makers."),
    ("cap_trust_candour", Some(75), "Open about the billing loss and the fix."),
    ("cap_trust_confidences", Some(75), "The customer shares its market problems."),
    ("cap_trust_familiarity", Some(50), "Familiarity is new and at working level."),
    ("cap_exec_commitments", Some(75), "Commitments kept."),
    ("cap_exec_delivery", Some(75), "Phase one delivered well."),
    ("cap_exec_connection", Some(50), "Adequate."),
    ("cap_innov_ideas", Some(100), "A systematic stream of ideas: market study, SWOT, selling courses."),
    ("cap_innov_adopted", Some(75), "Several adopted, with visible benefits."),
    ("cap_innov_models", Some(75), "New ways of working in place: developing clients in the customer's name."),
    ("sg_communication", Some(50), "A key-account team with regular visits."),
    ("sg_needs_alignment", Some(75), "Invests in the customer's coming needs."),
    ("sg_strategy_alignment", Some(75), "Plans follow the customer's growth strategy."),
    ("sg_quality_guarantee", Some(75), "Quality plan for phase one."),
    ("sg_service_guarantee", Some(100), "Service consistently exceeded."),
    ("sg_delivery_guarantee", Some(75), "Delivery planned with the customer."),
    ("sg_value_guarantee", Some(100), "Clearly above B, and the customer can measure it (billing)."),
    ("loy_behavioural", Some(75), "Won all of phase one: now the main supplier."),
    ("loy_intentional", Some(50), "Likely, for now: phase two is contested."),
    ("loy_emotional", None, "Unknown."),
    ("mon_watch", Some(75), "Orders and contacts reviewed regularly; B's moves noted."),
    ("warn_price", Some(50), "Occasional price pressure from B."),
    ("warn_offer", Some(50), "B approaches with new equipment."),
    ("warn_unmet", Some(75), "Hardly any."),
    ("warn_complaints", None, "Too early to judge."),
    ("warn_share", Some(100), "All 37,000 lines of phase one."),
    ("warn_contacts", Some(75), "Minor changes."),
    ("sym_market", Some(100), "「以他們的客戶經理的名義，為他們拓展重要的客戶」."),
    ("sym_purchasing_power", Some(75), "Billing savings improve its economics."),
    ("sym_rnd", Some(25), "Answers technical questions."),
    ("sym_risk", Some(75), "Stable network lowers operating risk."),
    ("sym_alliance_fit", Some(75), "Differences managed openly."),
];

/// Seed 004: the incumbent B with ministry-level ties, before Huawei arrived.
pub const INCUMBENT_B: &[Answer] = &[
    ("ev_basis", Some(25), "Impressions of B's team: nobody asked the customer (「知足常乐」)."),
    ("ctx_volume", Some(50), "8,000 installed lines: an average account."),
    ("ctx_revenue_share", Some(25), "A small share of B's revenue."),
    ("ctx_frequency", Some(25), "Occasional expansions."),
    ("ctx_complexity", Some(75), "Switching equipment customised for the network."),
    ("ctx_mutual_importance", Some(50), "Moderately important to both."),
    ("ctx_bargaining", Some(50), "B usually prevails through its ministry backing; the customer has some leverage."),
    ("ctx_dependence", Some(50), "Switching would take months."),
    ("ctx_appetite", Some(50), "Open to closer work case by case; it needs a partner to become market-facing."),
    ("ctx_return", Some(75), "Low cost-to-serve, riding on ties."),
    ("ctx_course", Some(100), "Set to grow to hundreds of thousands of lines."),
    ("lvl_contacts", Some(67), "「來自鐵通上層的支持」: top management through the ministry."),
    ("lvl_information", Some(33), "Orders and maintenance needs."),
    ("lvl_understanding", Some(0), "B never knew of the billing loss: it knows what they order."),
    ("lvl_planning", Some(0), "No joint planning."),
    ("lvl_preference", Some(67), "「並不打算引進新的機型」: rivals rarely get a chance."),
    ("lvl_dependence", Some(33), "Some convenience and familiarity."),
    ("lvl_formal_links", Some(100), "The customer's parent ministry holds B's shares: a capital link, though not a joint investment."),
    ("sat_quality", Some(25), "「運行不很穩定」: recurring issues."),
    ("sat_quality_compare", None, "No competitor to compare with yet."),
    ("sat_tech_support", Some(50), "Problems solved in reasonable time."),
    ("sat_tech_lead", Some(25), "「設備比較陳舊，功能較差」."),
    ("sat_solution_fit", Some(25), "Mostly standard; billing missing."),
    ("sat_solution_edge", Some(0), "Costs the customer 「每個月損失十幾萬元」."),
    ("sat_price_talks", Some(50), "Normal negotiations."),
    ("sat_terms_flex", Some(50), "Case by case."),
    ("sat_service", Some(50), "Ordinary service (inferred)."),
    ("sat_service_compare", None, "No competitor to compare with yet."),
    ("sat_tailoring", Some(25), "A few preferences known."),
    ("sat_personal_renew", Some(0), "Offers what it offered years ago."),
    ("sat_recognition", Some(50), "Courteous and businesslike."),
    ("sat_safe_choice", Some(75), "The ministry-backed supplier is the safe choice internally."),
    ("sw_investment", Some(75), "Operations and maintenance built around B's equipment."),
    ("sw_integration", Some(75), "Deeply connected switches."),
    ("sw_criticality", Some(75), "Switching is critical."),
    ("sw_uncertainty", Some(50), "A new supplier would need trials."),
    ("sw_brand", Some(50), "Comparable."),
    ("sw_personal_risk", Some(75), "Replacing the ministry's supplier is a personal risk."),
    ("sw_differentiation", Some(25), "Slightly different: old equipment."),
    ("sw_specific_assets", Some(50), "Some installed know-how."),
    ("sw_incentives", Some(25), "Occasional discounts."),
    ("sw_commitment_term", Some(25), "Within a few months."),
    ("sw_exec_channel", Some(75), "Regular visits through the ministry tie."),
    ("sw_personal_ties", Some(75), "「長期的交往，關係密切」."),
    ("cap_trust_candour", Some(50), "Informs when asked and fixes."),
    ("cap_trust_confidences", Some(50), "Some, when a project needs it."),
    ("cap_trust_familiarity", Some(100), "Long-standing familiarity."),
    ("cap_exec_commitments", Some(50), "Mostly kept."),
    ("cap_exec_delivery", Some(25), "Unstable operation: significant problems."),
    ("cap_exec_connection", Some(50), "Adequate."),
    ("cap_innov_ideas", Some(0), "Never: B did nothing about the customer's biggest need."),
    ("cap_innov_adopted", Some(0), "None."),
    ("cap_innov_models", Some(0), "No."),
    ("sg_communication", Some(50), "A key-account manager with regular visits."),
    ("sg_needs_alignment", Some(0), "Nothing new when the billing need appeared."),
    ("sg_strategy_alignment", Some(25), "Knows the growth plan, has not acted on it."),
    ("sg_quality_guarantee", Some(25), "Standard checks only; unstable."),
    ("sg_service_guarantee", Some(50), "Service levels agreed."),
    ("sg_delivery_guarantee", Some(50), "Mostly on time."),
    ("sg_value_guarantee", Some(25), "The hidden billing loss: value somewhat below what a rival could deliver."),
    ("loy_behavioural", Some(100), "The sole switching supplier."),
    ("loy_intentional", Some(75), "「並不打算引進新的機型」: in their plans."),
    ("loy_emotional", Some(25), "「雖然不是十分滿意」: never mentioned to others."),
    ("mon_watch", Some(0), "Nobody tracks the signals."),
    ("warn_price", None, "No competitor engaging yet."),
    ("warn_offer", Some(100), "No sign of rivals — but nobody is watching."),
    ("warn_unmet", Some(25), "Several: billing, market skills."),
    ("warn_complaints", Some(50), "One or two open stability issues."),
    ("warn_share", Some(75), "Stable, moving with the customer's business."),
    ("warn_contacts", Some(100), "No changes."),
    ("sym_market", Some(0), "No help with its markets."),
    ("sym_purchasing_power", Some(0), "No."),
    ("sym_rnd", Some(0), "No."),
    ("sym_risk", Some(0), "No."),
    ("sym_alliance_fit", Some(50), "Reasonable familiarity."),
];

/// docs/CASES.md Part C1: the account answered "acceptable / about the same" everywhere, the
/// four-option ladder at its second rung.
pub fn flat_account(bank: &Bank) -> Vec<Answer> {
    bank.questions
        .iter()
        .map(|q| {
            let score = match q.dimension {
                Dimension::Level(_) => 33,
                // The middle of this scale ("shrinking with its market") is not an average
                // account: an average customer's business is stable.
                Dimension::Context(ContextFactor::CustomerCourse) => 75,
                _ => 50,
            };
            let id: &'static str = ANSWER_IDS
                .iter()
                .copied()
                .find(|id| *id == q.id)
                .unwrap_or("unknown");
            (
                id,
                Some(score),
                "The middle answer: acceptable, about the same as competitors.",
            )
        })
        .collect()
}

/// The flat account with "we compete like everyone else" and "we don't plan together"
/// (docs/CASES.md Part C2).
pub fn flat_account_without_preference(bank: &Bank) -> Vec<Answer> {
    amend(
        &flat_account(bank),
        &[
            (
                "lvl_preference",
                Some(0),
                "New business fought on price like everyone else.",
            ),
            ("lvl_planning", Some(0), "No joint planning."),
        ],
    )
}

/// Two synthetic extremes (every answer at the best or the worst option): not cases, only
/// fixtures for mechanics — comparison, portfolio sorting — that need two far-apart results.
pub fn extremes(bank: &Bank) -> Vec<(&'static str, Answers)> {
    vec![
        ("all-best", answers_by(bank, |_| Some(100))),
        ("all-worst", answers_by(bank, |_| Some(0))),
    ]
}

/// The answers of a case or an extreme, by name.
///
/// # Panics
/// If there is no such case (a test names one that does not exist).
pub fn answers_named(bank: &Bank, name: &str) -> Answers {
    all(bank)
        .into_iter()
        .map(|s| (s.name, s.answers))
        .chain(extremes(bank))
        .find(|(n, _)| *n == name)
        .map(|(_, a)| a)
        .unwrap_or_else(|| panic!("no case named {name}"))
}

/// Every question id as a `'static` str (the bank's own ids live only as long as the bank).
const ANSWER_IDS: [&str; 80] = crate::engine::storage::schema::ANSWER_ORDER;

/// The cases, with what an expert expects (docs/CASES.md): the seeds' case studies, then the
/// flat account of Part C.
pub fn all(bank: &Bank) -> Vec<Scenario> {
    let mut all = seed_cases(bank);
    all.extend(flat_cases(bank));
    all
}

fn expect(
    level: Level,
    target: Level,
    quadrant: Quadrant,
    band: RiskBand,
    bottleneck: Option<Capability>,
    stage: &'static str,
) -> Expect {
    Expect {
        level,
        target,
        quadrant,
        band,
        bottleneck,
        stage,
    }
}

fn case(
    bank: &Bank,
    name: &'static str,
    source: &'static str,
    answers: &[Answer],
    expect: Expect,
) -> Scenario {
    Scenario {
        name,
        source,
        answers: answers_of(bank, answers),
        expect,
    }
}

fn seed_cases(bank: &Bank) -> Vec<Scenario> {
    use Level::*;
    let case = |name, source, answers: &[Answer], expect| case(bank, name, source, answers, expect);
    vec![
        case(
            "supplier-a-shares",
            "000: supplier A paid in the customer's shares",
            SUPPLIER_A,
            expect(
                Partner,
                Partner,
                Quadrant::Loyal,
                RiskBand::Green,
                Some(Capability::Innovation),
                "strategic",
            ),
        ),
        case(
            "hyundai-costs-rising",
            "001: Korean parts makers, costs rising, no tender yet",
            &hyundai_costs_rising(),
            expect(
                Partner,
                Partner,
                Quadrant::Hostage,
                RiskBand::Amber,
                Some(Capability::Innovation),
                "strategic",
            ),
        ),
        case(
            "hyundai-open-tender",
            "001: Korean parts makers, business put to open tender",
            HYUNDAI_TENDER,
            expect(
                Extended,
                Extended,
                Quadrant::Hostage,
                RiskBand::Red,
                Some(Capability::Innovation),
                "strategic",
            ),
        ),
        case(
            "truss-bridge",
            "002: a one-off truss bridge for a local government",
            TRUSS_BRIDGE,
            // Satisfied with delivery (55) but nothing holds it: for a one-off that is normal,
            // and the results say so instead of advising lock-in (docs/CASES.md A3).
            expect(
                Supplier,
                Supplier,
                Quadrant::Defector,
                RiskBand::Green,
                None,
                "initial",
            ),
        ),
        case(
            "dedicated-trucks",
            "002: trucks reserved for a few customers under exclusive contracts",
            DEDICATED_TRUCKS,
            expect(
                Partner,
                Partner,
                Quadrant::Loyal,
                RiskBand::Green,
                None,
                "strategic",
            ),
        ),
        case(
            "huawei-phase-one",
            "004: Huawei at the railway-telecom customer after phase one",
            HUAWEI_PHASE_ONE,
            expect(
                Preferred,
                Extended,
                Quadrant::Loyal,
                RiskBand::Amber,
                None,
                "initial",
            ),
        ),
        case(
            "incumbent-b",
            "004: the incumbent B with ministry ties, before Huawei",
            INCUMBENT_B,
            expect(
                Preferred,
                Preferred,
                Quadrant::Hostage,
                RiskBand::Amber,
                Some(Capability::Execution),
                "stable",
            ),
        ),
    ]
}

fn flat_cases(bank: &Bank) -> Vec<Scenario> {
    use Level::*;
    let case = |name, source, answers: &[Answer], expect| case(bank, name, source, answers, expect);
    vec![
        case(
            "flat-account",
            "CASES.md C1: acceptable / about the same everywhere",
            &flat_account(bank),
            expect(
                Preferred,
                Preferred,
                Quadrant::Defector,
                RiskBand::Amber,
                Some(Capability::Trust),
                "initial",
            ),
        ),
        case(
            "flat-without-preference",
            "CASES.md C2: the flat account, competing like everyone else",
            &flat_account_without_preference(bank),
            expect(
                Supplier,
                Preferred,
                Quadrant::Defector,
                RiskBand::Amber,
                Some(Capability::Trust),
                "initial",
            ),
        ),
    ]
}

/// One answer of a customer respondent (issue 17): the question, what they picked — a score,
/// a reason's dimension id, or `?` for "can't say" — and why.
pub type CustomerAnswer = (&'static str, &'static str, &'static str);

/// Seed 004, the moment after Huawei's technical exchange and before phase one is decided:
/// B's key-account manager still answers [`INCUMBENT_B`] (nobody at B watches the signals), and B
/// sends the customer questionnaire to the head of network maintenance at J-province railway
/// telecom. Seed 004: the staff 「都是技術維護出身」, know B's switches well, are 「不是十分滿意」,
/// and Huawei has just shown them the missing inter-office billing (「每個月損失十幾萬元」).
pub const B_MAINTENANCE_HEAD: &[CustomerAnswer] = &[
    (
        "c.product_quality",
        "25",
        "「運行不很穩定」: recurring faults his team fixes.",
    ),
    (
        "c.technical_capability",
        "50",
        "B answers what his team asks, nothing more.",
    ),
    ("c.service_level", "50", "Ordinary day-to-day service."),
    (
        "c.trade_terms",
        "50",
        "Normal terms; he does not negotiate them.",
    ),
    (
        "c.solution_fit",
        "0",
        "No inter-office billing: settlement with China Telecom is on its terms.",
    ),
    (
        "c.personalization",
        "25",
        "Standard equipment, little adapted to the railway network.",
    ),
    (
        "c.psychological_needs",
        "50",
        "Courteous, businesslike; nothing more.",
    ),
    (
        "c.quality_guarantee",
        "25",
        "Stability varies from month to month.",
    ),
    (
        "c.service_guarantee",
        "50",
        "Agreed service levels are met.",
    ),
    ("c.delivery_guarantee", "50", "Expansions arrive as agreed."),
    (
        "c.value_guarantee",
        "25",
        "Since Huawei's exchange he knows a rival would give more.",
    ),
    (
        "c.communication",
        "25",
        "B's people see the ministry side; nobody asked his team what it needs.",
    ),
    (
        "c.complaints",
        "50",
        "One or two stability issues stay open for a while.",
    ),
    (
        "c.behavioural",
        "100",
        "Every switch in the network is B's.",
    ),
    (
        "c.intentional",
        "25",
        "「完全動搖了對B公司交換設備的信心」: renewing is now in doubt.",
    ),
    ("c.emotional", "25", "He would not recommend B to peers."),
    (
        "c.depth",
        "33",
        "A familiar supplier they buy from by habit; no shared plans.",
    ),
    (
        "c.switching",
        "75",
        "His team's operation and maintenance are built around B's switches.",
    ),
    (
        "c.competitor_offer",
        "0",
        "Huawei's proposal is being evaluated now.",
    ),
    (
        "c.leave_reason",
        "warning.competitor_offer",
        "A better product: Huawei's billing function.",
    ),
];

/// Seed 004, the same moment: the customer's market manager, whom Huawei coached in selling
/// (「主動為他們上銷售技巧課」). Commercial, not technical: what the billing gap costs, what
/// growth to 「幾十萬門、幾百萬門」 will need.
pub const B_MARKET_MANAGER: &[CustomerAnswer] = &[
    ("c.product_quality", "?", "Not her field."),
    ("c.technical_capability", "?", "Not her field."),
    (
        "c.service_level",
        "50",
        "Nothing to complain of, nothing special.",
    ),
    ("c.trade_terms", "50", "About the market's terms."),
    (
        "c.solution_fit",
        "0",
        "The switches cost them 「每個月損失十幾萬元」 in settlement.",
    ),
    (
        "c.personalization",
        "25",
        "B offers what it offered years ago.",
    ),
    (
        "c.psychological_needs",
        "25",
        "B has never once asked about her business.",
    ),
    ("c.quality_guarantee", "?", "Not her field."),
    ("c.service_guarantee", "50", "Fine when called."),
    ("c.delivery_guarantee", "50", "On time."),
    (
        "c.value_guarantee",
        "0",
        "The settlement losses make B clearly worse value than Huawei.",
    ),
    (
        "c.communication",
        "25",
        "B talks to the top; the market team never hears from it.",
    ),
    ("c.complaints", "?", "She raises none."),
    ("c.behavioural", "100", "All switching equipment is B's."),
    (
        "c.intentional",
        "25",
        "Phase one will go to whoever fixes billing.",
    ),
    (
        "c.emotional",
        "0",
        "She would warn peers about the billing loss.",
    ),
    (
        "c.depth",
        "0",
        "To her, B is a seller of boxes, chosen long ago on price and specification.",
    ),
    (
        "c.switching",
        "50",
        "Months of work, but the losses are larger.",
    ),
    (
        "c.competitor_offer",
        "0",
        "Huawei is helping them plan their market.",
    ),
    (
        "c.leave_reason",
        "warning.unmet_needs",
        "Growth needs billing and market skills B does not offer.",
    ),
];

/// Seed 004, the same moment: B's field service engineer, who is in the customer's maintenance
/// room every week, answers the full questionnaire as a colleague of the key-account manager
/// (the changes to [`INCUMBENT_B`]; the rest he answers alike).
pub const B_FIELD_ENGINEER_CHANGES: &[Answer] = &[
    (
        "warn_offer",
        Some(25),
        "Huawei's engineers were in the maintenance room twice this month.",
    ),
    (
        "sg_communication",
        Some(25),
        "The KAM sees the ministry side; the maintenance team hardly sees him.",
    ),
    (
        "mon_watch",
        Some(25),
        "He notices things on site, but nobody asks him.",
    ),
    (
        "lvl_contacts",
        None,
        "He does not know who the KAM meets at the top.",
    ),
    (
        "loy_intentional",
        Some(25),
        "The maintenance head asked him what Huawei's billing would cost to add.",
    ),
];

/// A customer respondent's answers by position of the customer questionnaire.
///
/// # Panics
/// If an answer names a question the questionnaire lacks, or a score or reason no option has.
pub fn customer_choices(
    set: &crate::engine::model::bank::customer::CustomerSet,
    case: &[CustomerAnswer],
) -> Vec<Option<Choice>> {
    let mut choices = vec![None; set.questions.len()];
    for (id, pick, why) in case {
        let position = set
            .questions
            .iter()
            .position(|q| q.id == *id)
            .unwrap_or_else(|| panic!("{id}: no such customer question ({why})"));
        let q = &set.questions[position];
        let option = q.options.iter().position(|o| {
            o.points_to.as_deref() == Some(pick) || o.score.is_some_and(|s| s.to_string() == *pick)
        });
        choices[position] = Some(match (*pick, option) {
            ("?", _) => Choice::DontKnow,
            (_, Some(i)) => Choice::option(i),
            (_, None) => panic!("{id}: no option {pick} ({why})"),
        });
    }
    choices
}
