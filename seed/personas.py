"""The named demo personas: deterministic, and together they show every rule of the
foundation (BR-1, CT-1 to CT-5, DC-1, DC-2). Their facts are listed in README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from models import Brand, ContractStatus, DocumentKind, Language, Segment
from seed.build import add_contract, add_document, add_life_documents, add_person

DOC_YEARS = range(2023, 2026)
CAR_LIKE_FAQ = [
    "civil_liability",
    "legal_assistance",
    "accident_assistance",
]
CAR_FULL = [
    "civil_liability",
    "driver_protection",
    "legal_assistance",
    "glass",
    "fire",
    "nature",
    "theft",
    "material_damage",
    "accident_assistance",
    "breakdown_assistance",
    "person_assistance",
    "theft_assistance",
]


@dataclass(frozen=True)
class Persona:
    key: str
    name: str
    demonstrates: str
    national_number: str


def _louise(s: Session):
    """MyP&V FAQ 4.2: two pension contracts (total 21,460.03) and two vehicles (CT-5)."""
    p = add_person(
        s,
        serial=148,
        first_name="Louise",
        last_name="Peeters",
        birth_date=date(1985, 3, 12),
        sex="F",
        language=Language.NL,
        street="Kerkstraat",
        house_number="12",
        postcode="2000",
        city="Antwerpen",
        email="louise.peeters@example.be",
        mobile="+32470123456",
    )
    pension = add_contract(
        s,
        p,
        "life_pension_savings",
        brand=Brand.PV,
        number="5436548",
        start_date=date(2012, 4, 1),
        renewal_date=date(2027, 4, 1),
        annual_premium_cents=102_000,
        savings_cents=1_234_567,
        components=[{"kind": "pension_savings", "savings_cents": 1_234_567}],
        beneficiaries=[
            {"event": "life", "name": "Louise Peeters", "share_percent": 100},
            {"event": "death", "name": "Jonas Peeters", "share_percent": 100},
        ],
    )
    plci = add_contract(
        s,
        p,
        "life_plci",
        brand=Brand.PV,
        number="8890079",
        start_date=date(2016, 1, 1),
        renewal_date=date(2027, 1, 1),
        annual_premium_cents=180_000,
        savings_cents=911_436,
        components=[
            {"kind": "plci", "savings_cents": 911_436},
            {"kind": "death_cover", "insured_cents": 2_500_000},
        ],
        beneficiaries=[
            {"event": "life", "name": "Louise Peeters", "share_percent": 100},
            {"event": "death", "name": "Jonas Peeters", "share_percent": 50},
            {"event": "death", "name": "Mila Peeters", "share_percent": 50},
        ],
    )
    add_contract(
        s,
        p,
        "car",
        brand=Brand.PV,
        number="3654654",
        start_date=date(2021, 2, 14),
        renewal_date=date(2027, 2, 14),
        annual_premium_cents=50_492,
        covered=CAR_LIKE_FAQ,
        vehicle_kind="car",
        vehicle_make="Lexus",
        vehicle_model="RC",
        vehicle_plate="2BHM548",
        vehicle_vin="JTHHA5BC1M5012345",
        vehicle_year=2021,
        vehicle_power_kw=135,
        main_driver="Louise Peeters",
    )
    add_contract(
        s,
        p,
        "motorbike",
        brand=Brand.PV,
        number="8758589",
        start_date=date(2022, 5, 1),
        renewal_date=date(2027, 5, 1),
        annual_premium_cents=31_250,
        covered=["civil_liability", "driver_protection", "accident_assistance", "rider_equipment"],
        vehicle_kind="motorbike",
        vehicle_make="Kawasaki",
        vehicle_plate="SAA111",
        vehicle_vin="JKAZXT20AMA012345",
        vehicle_year=2021,
        vehicle_power_kw=50,
        main_driver="Louise Peeters",
    )
    for c in (pension, plci):
        add_life_documents(s, c, DOC_YEARS)
    return p


def _marc(s: Session):
    """Professional customer of Vivium: EIP and PLCI shown with their composition; his
    professional car and fire contracts and his workers' compensation are hidden."""
    p = add_person(
        s,
        serial=43,
        first_name="Marc",
        last_name="Dubois",
        birth_date=date(1972, 9, 10),
        sex="M",
        language=Language.FR,
        segment=Segment.PROFESSIONAL,
        street="Rue des Carmes",
        house_number="8",
        postcode="5000",
        city="Namur",
        email="marc.dubois@example.be",
        mobile="+32475987654",
        company_number="0456789012",
    )
    eip = add_contract(
        s,
        p,
        "life_eip",
        brand=Brand.VIVIUM,
        number="4011002345",
        start_date=date(2010, 7, 1),
        annual_premium_cents=600_000,
        savings_cents=8_412_050,
        components=[
            {"kind": "eip", "savings_cents": 7_900_000},
            {"kind": "branch23", "savings_cents": 512_050},
            {"kind": "death_cover", "insured_cents": 15_000_000},
            {"kind": "guaranteed_income", "insured_cents": 3_600_000},
        ],
        beneficiaries=[
            {"event": "life", "name": "Marc Dubois", "share_percent": 100},
            {"event": "death", "name": "Claire Dubois", "share_percent": 100},
        ],
    )
    plci = add_contract(
        s,
        p,
        "life_plci",
        brand=Brand.VIVIUM,
        number="4011002346",
        start_date=date(2004, 1, 1),
        annual_premium_cents=320_000,
        savings_cents=6_120_300,
        components=[
            {"kind": "plci", "savings_cents": 6_120_300},
            {"kind": "death_cover", "insured_cents": 6_120_300},
        ],
        beneficiaries=[{"event": "death", "name": "Claire Dubois", "share_percent": 100}],
    )
    add_contract(
        s,
        p,
        "car",
        brand=Brand.VIVIUM,
        number="4021007788",
        annual_premium_cents=112_030,
        covered=CAR_FULL,
        vehicle_kind="car",
        vehicle_make="Volvo",
        vehicle_model="XC60",
        vehicle_plate="1XCV060",
        vehicle_vin="YV1UZA8V1N1234567",
        vehicle_year=2022,
    )
    add_contract(
        s,
        p,
        "fire",
        brand=Brand.VIVIUM,
        number="4031004411",
        annual_premium_cents=89_000,
        covered=["building", "contents", "fire"],
        risk_address="Rue des Carmes 8, 5000 Namur",
    )
    add_contract(
        s,
        p,
        "workers_compensation",
        brand=Brand.VIVIUM,
        number="4091000123",
        annual_premium_cents=145_000,
        risk_note="Bureau d'architecture, 2 employés",
    )
    for c in (eip, plci):
        add_life_documents(s, c, DOC_YEARS)
    return p


def _jean_pierre(s: Session):
    """MyP&V, French: a car and family liability shown; hunting liability (CT-2, the
    FAQ's example) and a bike contract hidden with their reasons."""
    p = add_person(
        s,
        serial=33,
        first_name="Jean-Pierre",
        last_name="Lambert",
        birth_date=date(1963, 11, 27),
        sex="M",
        language=Language.FR,
        street="Rue du Château",
        house_number="3",
        postcode="6900",
        city="Marche-en-Famenne",
        email="jp.lambert@example.be",
        mobile="+32496112233",
    )
    add_contract(
        s,
        p,
        "car",
        brand=Brand.PV,
        number="111000171363",
        annual_premium_cents=61_870,
        covered=[
            "civil_liability",
            "driver_protection",
            "legal_assistance",
            "glass",
            "theft",
            "breakdown_assistance",
        ],
        vehicle_kind="car",
        vehicle_make="Peugeot",
        vehicle_model="308 SW",
        vehicle_plate="1GJP308",
        vehicle_vin="VF3LBHNZ6LS123456",
        vehicle_year=2019,
        vehicle_power_kw=96,
        main_driver="Jean-Pierre Lambert",
    )
    add_contract(
        s,
        p,
        "family_liability",
        brand=Brand.PV,
        number="111000171364",
        annual_premium_cents=9_850,
        covered=["private_life_liability", "pets"],
    )
    add_contract(
        s,
        p,
        "hunting_liability",
        brand=Brand.PV,
        number="111000171365",
        annual_premium_cents=14_500,
        risk_note="Permis de chasse wallon",
    )
    add_contract(
        s,
        p,
        "bike",
        brand=Brand.PV,
        number="111000171366",
        annual_premium_cents=7_900,
        risk_note="Vélo électrique Gazelle",
    )
    return p


def _sofie(s: Session):
    """Contracts in both brands (BR-1): fire, family liability and legal protection at
    P&V; pension savings and a death cover with guaranteed income at Vivium, plus a
    standalone guaranteed-income guarantee hidden until 2025's release (CT-2)."""
    p = add_person(
        s,
        serial=102,
        first_name="Sofie",
        last_name="Janssens",
        birth_date=date(1990, 6, 15),
        sex="F",
        language=Language.NL,
        street="Naamsestraat",
        house_number="41",
        postcode="3000",
        city="Leuven",
        email="sofie.janssens@example.be",
        mobile="+32478556677",
    )
    add_contract(
        s,
        p,
        "fire",
        brand=Brand.PV,
        number="2211004455",
        annual_premium_cents=48_215,
        covered=[
            "building",
            "contents",
            "fire",
            "theft",
            "glass",
            "natural_disasters",
            "civil_liability",
            "home_assistance",
        ],
        risk_address="Naamsestraat 41, 3000 Leuven",
    )
    add_contract(
        s,
        p,
        "family_liability",
        brand=Brand.PV,
        number="2211004456",
        annual_premium_cents=8_900,
        covered=["private_life_liability", "legal_assistance"],
    )
    add_contract(
        s,
        p,
        "legal_protection",
        brand=Brand.PV,
        number="2211004457",
        annual_premium_cents=16_400,
        covered=["civil_recovery", "criminal_defence", "contract_disputes"],
    )
    pension = add_contract(
        s,
        p,
        "life_pension_savings",
        brand=Brand.VIVIUM,
        number="4011009001",
        start_date=date(2015, 9, 1),
        annual_premium_cents=99_000,
        savings_cents=1_056_780,
        components=[{"kind": "pension_savings", "savings_cents": 1_056_780}],
        beneficiaries=[{"event": "death", "name": "Pieter Janssens", "share_percent": 100}],
    )
    death = add_contract(
        s,
        p,
        "life_death",
        brand=Brand.VIVIUM,
        number="4011009002",
        start_date=date(2019, 3, 1),
        annual_premium_cents=42_000,
        components=[
            {"kind": "death_cover", "insured_cents": 20_000_000},
            {"kind": "guaranteed_income", "insured_cents": 2_400_000},
        ],
        beneficiaries=[
            {"event": "death", "name": "Pieter Janssens", "share_percent": 60},
            {"event": "death", "name": "Lotte Janssens", "share_percent": 40},
        ],
    )
    add_contract(
        s,
        p,
        "life_income_standalone",
        brand=Brand.VIVIUM,
        number="4011009003",
        annual_premium_cents=36_000,
    )
    for c in (pension, death):
        add_life_documents(s, c, DOC_YEARS)
    return p


def _luc(s: Session):
    """Vivium, Dutch: a motorhome (at most 5,000 kg) and a moped (no accident assistance)
    shown; an old car contract and an ended contract hidden with their reasons."""
    p = add_person(
        s,
        serial=123,
        first_name="Luc",
        last_name="Martens",
        birth_date=date(1958, 4, 1),
        sex="M",
        language=Language.NL,
        street="Markt",
        house_number="5",
        postcode="8000",
        city="Brugge",
        email="luc.martens@example.be",
        mobile="+32472334455",
    )
    add_contract(
        s,
        p,
        "car",
        brand=Brand.VIVIUM,
        number="4021003301",
        annual_premium_cents=98_760,
        covered=["civil_liability", "fire", "theft", "breakdown_assistance", "accident_assistance"],
        vehicle_kind="motorhome",
        vehicle_make="Hymer",
        vehicle_model="B-Klasse MC T",
        vehicle_plate="1HYM580",
        vehicle_vin="WDB9066351S123456",
        vehicle_year=2020,
        vehicle_power_kw=125,
        vehicle_mass_kg=4_800,
        main_driver="Luc Martens",
    )
    add_contract(
        s,
        p,
        "motorbike",
        brand=Brand.VIVIUM,
        number="4021003302",
        annual_premium_cents=12_300,
        covered=["civil_liability", "breakdown_assistance"],
        vehicle_kind="moped",
        vehicle_make="Vespa",
        vehicle_model="Primavera 50",
        vehicle_plate="AKL294",
        vehicle_vin="ZAPC53200L1234567",
        vehicle_year=2020,
        vehicle_power_kw=3,
        main_driver="Luc Martens",
    )
    add_contract(
        s,
        p,
        "private_accident",
        brand=Brand.VIVIUM,
        number="4041000077",
        annual_premium_cents=21_000,
        covered=["accident_death", "permanent_disability", "medical_costs"],
    )
    add_contract(
        s,
        p,
        "car_legacy",
        brand=Brand.VIVIUM,
        number="1987654",
        start_date=date(1999, 6, 1),
        annual_premium_cents=54_000,
        vehicle_kind="car",
        vehicle_make="Mercedes-Benz",
        vehicle_model="E 220",
        vehicle_plate="1ABC123",
        vehicle_year=2008,
    )
    add_contract(
        s,
        p,
        "fire",
        brand=Brand.VIVIUM,
        number="4031000999",
        status=ContractStatus.ENDED,
        start_date=date(2001, 1, 1),
        end_date=date(2024, 12, 31),
        renewal_date=None,
        annual_premium_cents=39_000,
        risk_address="Sint-Jakobsstraat 20, 8000 Brugge",
    )
    return p


def _nathalie(s: Session):
    """Recorded twice in the back office (same national number): registration must
    later refuse with "found more than once" (RG-5)."""
    first = add_person(
        s,
        serial=122,
        first_name="Nathalie",
        last_name="Dupont",
        birth_date=date(1981, 2, 22),
        sex="F",
        language=Language.FR,
        street="Avenue Louise",
        house_number="221",
        postcode="1050",
        city="Ixelles",
        email="nathalie.dupont@example.be",
        mobile="+32477001122",
    )
    second = add_person(
        s,
        serial=122,
        first_name="Nathalie",
        last_name="Dupont",
        birth_date=date(1981, 2, 22),
        sex="F",
        language=Language.FR,
        street="Av. Louise",
        house_number="221/3",
        postcode="1050",
        city="Ixelles",
        email=None,
        mobile="+32477001122",
    )
    savings = add_contract(
        s,
        first,
        "life_savings",
        brand=Brand.VIVIUM,
        number="4011005500",
        annual_premium_cents=120_000,
        savings_cents=1_480_250,
        components=[{"kind": "branch21", "savings_cents": 1_480_250}],
        beneficiaries=[{"event": "death", "name": "Hugo Dupont", "share_percent": 100}],
    )
    add_contract(
        s,
        second,
        "car",
        brand=Brand.VIVIUM,
        number="4021005501",
        annual_premium_cents=73_400,
        covered=CAR_FULL,
        vehicle_kind="car",
        vehicle_make="Renault",
        vehicle_model="Clio",
        vehicle_plate="2DUP221",
        vehicle_vin="VF1RJA00X6A123456",
        vehicle_year=2023,
    )
    add_life_documents(s, savings, DOC_YEARS)
    return first


def _emma(s: Session):
    """MyP&V, Dutch, born after 2000: an investment contract with documents, a young
    motorbike with accident assistance; nothing hidden. Non-life documents exist in the
    back office but do not reach the portal (DC-1)."""
    p = add_person(
        s,
        serial=2,
        first_name="Emma",
        last_name="Claes",
        birth_date=date(2001, 8, 5),
        sex="F",
        language=Language.NL,
        street="Veldstraat",
        house_number="77",
        postcode="9000",
        city="Gent",
        email="emma.claes@example.be",
        mobile="+32491778899",
    )
    invest = add_contract(
        s,
        p,
        "life_investment",
        brand=Brand.PV,
        number="6610203040",
        start_date=date(2022, 1, 15),
        annual_premium_cents=60_000,
        savings_cents=248_913,
        components=[{"kind": "branch23", "savings_cents": 248_913}],
        beneficiaries=[{"event": "death", "name": "Wim Claes", "share_percent": 100}],
    )
    moto = add_contract(
        s,
        p,
        "motorbike",
        brand=Brand.PV,
        number="6610203041",
        annual_premium_cents=44_380,
        covered=[
            "civil_liability",
            "driver_protection",
            "theft",
            "accident_assistance",
            "rider_equipment",
        ],
        vehicle_kind="motorbike",
        vehicle_make="Yamaha",
        vehicle_model="MT-07",
        vehicle_plate="1EMC007",
        vehicle_vin="JYARM3210PA123456",
        vehicle_year=2023,
        vehicle_power_kw=54,
        main_driver="Emma Claes",
    )
    add_life_documents(s, invest, range(2022, 2026))
    add_document(s, moto, DocumentKind.INSURANCE_CARD, 2025)
    add_document(s, moto, DocumentKind.CLAIMS_CERTIFICATE, 2025)
    add_document(s, moto, DocumentKind.POLICY, 2023)
    return p


def _thomas(s: Session):
    """MyP&V: his only P&V contract has ended, so he has no active contract of this
    brand (RG-5 later); the "can't find" page explains the ended contract."""
    p = add_person(
        s,
        serial=1,
        first_name="Thomas",
        last_name="Wouters",
        birth_date=date(1995, 12, 18),
        sex="M",
        language=Language.NL,
        street="Diestsestraat",
        house_number="150",
        postcode="3000",
        city="Leuven",
        email="thomas.wouters@example.be",
        mobile="+32468445566",
    )
    add_contract(
        s,
        p,
        "car",
        brand=Brand.PV,
        number="111000200001",
        status=ContractStatus.ENDED,
        start_date=date(2016, 3, 1),
        end_date=date(2025, 3, 1),
        renewal_date=None,
        annual_premium_cents=81_000,
        covered=["civil_liability"],
        vehicle_kind="car",
        vehicle_make="Volkswagen",
        vehicle_model="Polo",
        vehicle_plate="1TWP150",
        vehicle_year=2014,
    )
    return p


PERSONAS = [
    ("louise", _louise),
    ("marc", _marc),
    ("jean-pierre", _jean_pierre),
    ("sofie", _sofie),
    ("luc", _luc),
    ("nathalie", _nathalie),
    ("emma", _emma),
    ("thomas", _thomas),
]


def seed_personas(session: Session) -> list[Persona]:
    """Add every persona to the session (the caller commits)."""
    made = []
    for key, build in PERSONAS:
        person = build(session)
        summary = (build.__doc__ or "").split("\n\n")[0]
        made.append(
            Persona(key, person.full_name, " ".join(summary.split()), person.national_number)
        )
    return made
