"""The words the reply judge listens for, in English and Dutch, as plain data.

Every phrase is written as normalized, accent-free words (app.core.practice.judge.words):
"oké, bedankt" is matched as "oke bedankt". Both languages are always checked, because a
Flemish salesperson says "sorry" and "oké" as often as an English one.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Said near the start of a reply to an objection: you heard them before you answer.
ACKNOWLEDGE = (
    "that's fair", "that is fair", "fair enough", "fair point", "fair question",
    "i understand", "i totally understand", "understood", "i hear you", "i get that",
    "i get it", "makes sense", "that makes sense", "good question", "great question",
    "of course", "absolutely", "no problem", "good to hear", "i appreciate", "totally",
    "i see", "that's understandable", "happy to", "sure thing", "doe ik graag",
    "i can imagine", "you're right", "right, and",
    "dat begrijp ik", "begrijp ik", "ik begrijp", "begrijpelijk", "terecht", "snap ik",
    "ik snap", "dat is eerlijk", "eerlijk gezegd", "goede vraag", "geen probleem",
    "natuurlijk", "uiteraard", "logisch", "klopt", "fijn om te horen", "dat kan ik me",
    "ik hoor", "helemaal goed", "dat is begrijpelijk", "heel terecht",
)  # fmt: skip

# A way out of the call: on a step that is not an ending, the rep gives up.
GIVE_UP = (
    "thanks for your time", "thank you for your time", "thanks anyway", "thank you anyway",
    "sorry to bother you", "sorry for bothering", "sorry to have bothered", "sorry to disturb",
    "never mind", "nevermind", "i'll let you go", "i will let you go", "okay bye", "ok bye",
    "no worries bye", "okay thanks bye", "bye", "goodbye", "have a nice day", "have a good day",
    "i won't take more of your time", "i'll leave you to it", "okay thanks",
    "bedankt voor uw tijd", "bedankt voor je tijd", "dank u voor uw tijd", "dank je wel",
    "oke bedankt", "oke dank je", "oke dank u", "sorry dat ik stoor", "sorry voor het storen",
    "sorry om u te storen", "sorry om je te storen", "niet langer storen",
    "niet langer ophouden", "laat maar", "dan laat ik u",
    "dan laat ik je", "nog een fijne dag", "tot ziens", "oke dag", "oke daag", "geen probleem dag",
)  # fmt: skip

# Words that open a question when Whisper leaves out the question mark.
QUESTION_STARTS = _set(
    """can could would will shall should may might do does did is are was were have has how
    what when where why who which whom whose kan kunt kun mag mogen zou zouden wilt wil
    hoe wat wanneer waar waarom wie welke welk heeft hebt heb is zijn bent doet doen
    herkent ziet vindt"""
)

# Who a question is put to, or about: one of these follows a question word.
PERSONS = _set(
    """you your we i they he she it that this there your yours our my
    u uw je jij jullie jouw we wij ik hij zij ze het dat dit er die ons onze mijn"""
)

# A reply that ends on one of these is not over: the speaker is only drawing breath.
GOES_ON = _set(
    """and so but or because like then also plus which that if when um uh er erm hmm eh ehm
    en dus maar of omdat want dan ook zoals die dat als wanneer zodat"""
)

# Words that carry no meaning of their own, left out of a step's key words.
STOP_WORDS = _set(
    """a an the and or but so if of to in on at by for with from as is are was were be been
    being it its it's this that these those i i'm i'll i've me my we we're our you you're your
    yours he she they them their there here what which who whom how when where why can could
    would will shall should may might do does did have has had not no yes just only also very
    about into out up down over than then too more most some any all each both let let's
    okay ok well really get got going go one two minutes seconds time thank thanks hi hello
    de het een en of maar dus als dan in op aan bij voor met van uit naar om te tot is zijn
    was waren ben bent wordt worden heb hebt heeft hebben kan kunt kunnen mag zou wil wilt
    ik mij me mijn wij we ons onze u uw je jij jou jouw hij zij ze hun hen er hier daar dit
    dat die deze wat wie waar waarom hoe wanneer welke niet geen ja nee ook nog al wel zeer
    heel even goed graag dag dank bedankt"""
)
