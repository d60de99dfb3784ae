"""SQLAlchemy schema of the knowledge base.

Written in 2.0 style (typed ``select()`` queries, ``future`` engines) on SQLAlchemy 1.4, which is
what Rasa 3.6 pins. Every row that states a fact points back to a :class:`Source` in the report.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Source(Base):
    """A heading of the report and a verbatim quote that supports the facts citing it."""

    __tablename__ = "kb_sources"

    id = Column(Integer, primary_key=True)
    section = Column(String(200), nullable=False)
    quote = Column(Text, nullable=False, default="")
    as_of = Column(String(7), nullable=False)  # "2018-07"


class Programme(Base):
    """A programme, facility or policy of the bureau."""

    __tablename__ = "kb_programmes"

    id = Column(Integer, primary_key=True)
    slug = Column(String(80), nullable=False, unique=True)
    name = Column(String(200), nullable=False)
    family = Column(String(200), nullable=False)
    topic = Column(String(40), nullable=False, index=True)
    citizen_facing = Column(Boolean, nullable=False, default=True)
    target_groups = Column(JSON, nullable=False, default=list)
    summary = Column(Text, nullable=False)
    services = Column(JSON, nullable=False, default=list)
    how_to_apply = Column(Text)
    cost = Column(Text)
    status_note = Column(Text)
    department = Column(String(40))  # the division in charge (주요기능), where the report names one
    department_duty = Column(Text)
    situations = Column(JSON, nullable=False, default=list)
    source_id = Column(ForeignKey("kb_sources.id"), nullable=False)

    source = relationship(Source, lazy="joined")
    aliases = relationship("ProgrammeAlias", back_populates="programme", cascade="all, delete-orphan")
    descriptions = relationship("ProgrammeDescription", back_populates="programme", cascade="all, delete-orphan")
    places = relationship("Place", back_populates="programme", cascade="all, delete-orphan")
    eligibility_rules = relationship(
        "EligibilityRule", back_populates="programme", cascade="all, delete-orphan"
    )
    figures = relationship("Figure", back_populates="programme", cascade="all, delete-orphan")


class ProgrammeAlias(Base):
    """A name citizens use for a programme; ``key`` is the spacing-free form used for matching."""

    __tablename__ = "kb_programme_aliases"
    __table_args__ = (UniqueConstraint("key", name="uq_alias_key"),)

    id = Column(Integer, primary_key=True)
    programme_id = Column(ForeignKey("kb_programmes.id", ondelete="CASCADE"), nullable=False)
    alias = Column(String(200), nullable=False)
    key = Column(String(200), nullable=False, index=True)

    programme = relationship(Programme, back_populates="aliases")


class ProgrammeDescription(Base):
    """How citizens describe a programme without its name: a ``described_as`` word pattern (knowledge.validation)."""

    __tablename__ = "kb_programme_descriptions"

    id = Column(Integer, primary_key=True)
    programme_id = Column(ForeignKey("kb_programmes.id", ondelete="CASCADE"), nullable=False)
    pattern = Column(String(400), nullable=False)

    programme = relationship(Programme, back_populates="descriptions")


class Place(Base):
    """A location where a programme is delivered; district and address only where the report says."""

    __tablename__ = "kb_places"

    id = Column(Integer, primary_key=True)
    programme_id = Column(ForeignKey("kb_programmes.id", ondelete="CASCADE"), nullable=False)
    name = Column(String(200), nullable=False)
    key = Column(String(200), nullable=False, index=True)
    district = Column(String(40), index=True)
    address = Column(Text)
    serves = Column(Text)
    note = Column(Text)

    programme = relationship(Programme, back_populates="places")
    hours = relationship(
        "OpeningHours",
        back_populates="place",
        cascade="all, delete-orphan",
        order_by="OpeningHours.weekday",
    )


class OpeningHours(Base):
    """Hours of one weekday (0 = Monday); ``closes <= opens`` means the range runs past midnight."""

    __tablename__ = "kb_opening_hours"

    id = Column(Integer, primary_key=True)
    place_id = Column(ForeignKey("kb_places.id", ondelete="CASCADE"), nullable=False)
    weekday = Column(Integer, nullable=False)
    closed = Column(Boolean, nullable=False, default=False)
    opens = Column(Time)
    closes = Column(Time)

    place = relationship(Place, back_populates="hours")


class EligibilityRule(Base):
    """One condition of eligibility; ``kind`` is one of ``knowledge.validation.RULE_KINDS``."""

    __tablename__ = "kb_eligibility_rules"

    id = Column(Integer, primary_key=True)
    programme_id = Column(ForeignKey("kb_programmes.id", ondelete="CASCADE"), nullable=False)
    kind = Column(String(40), nullable=False)
    value = Column(JSON)
    text = Column(Text, nullable=False)

    programme = relationship(Programme, back_populates="eligibility_rules")


class Figure(Base):
    """A number from the report (target, budget, count) for staff look-ups."""

    __tablename__ = "kb_figures"

    id = Column(Integer, primary_key=True)
    programme_id = Column(ForeignKey("kb_programmes.id", ondelete="CASCADE"))
    label = Column(String(300), nullable=False)
    value = Column(Float, nullable=False)
    unit = Column(String(40), nullable=False)
    period = Column(String(100))
    note = Column(Text)
    source_id = Column(ForeignKey("kb_sources.id"))

    programme = relationship(Programme, back_populates="figures")
    source = relationship(Source)


KNOWLEDGE_TABLES = [
    table for name, table in Base.metadata.tables.items() if name.startswith("kb_")
]
