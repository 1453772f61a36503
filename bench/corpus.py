"""Benchmark corpora, generated with a fixed seed (nothing downloaded)."""

from __future__ import annotations

import random

RU = ("Юлия съешь ещё этих мягких французских булок из Йошкар-Олы да выпей алтайского чаю "
      "поэт журналист правозащитник учреждение улица Циолковского город Павлодар область район "
      "Щеглова Андрей Видный Артём Краевой Мадыр Чёткий Оксана Клеёнкина Игорь Ильин Ян Разъездной "
      "медицинская помощь заключённый семья свидание письмо поддержка здоровье колония Москва Покров "
      "подъезд объявление вьюга Воробьёво Озёрный Елизово Чапаевск Мейеровка Бийск Тында Улан-Удэ").split()
KK = ("Бұрыңғы өткен заманда бір данышпан кісі Бағдат шаһарының үлкен қазысының үйіне келіп қоныпты "
      "Қазақстан Республикасы Алматы Астана Қарағанды Өскемен Шымкент көшесі даңғылы облысы ауданы "
      "ақын журналист құқық қорғаушы хат денсаулық отбасы").split()
UK = ("Київ Харків Запоріжжя Житомир Миколаїв Єнакієве Знам'янка Згурський Олексій Наталія вулиця "
      "місто область район поет журналіст лист родина здоров'я підтримка").split()


def text(words: list[str], size: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out, n = [], 0
    while n < size:
        line = []
        for _ in range(rnd.randint(6, 14)):
            w = rnd.choice(words)
            r = rnd.random()
            if r < 0.05:
                w = w.upper()
            elif r < 0.25:
                w = w[:1].upper() + w[1:]
            line.append(w)
        s = " ".join(line) + rnd.choice([".", ",", "!", ";"]) + "\n"
        out.append(s)
        n += len(s.encode("utf-8"))
    return "".join(out)


def posts(n: int = 10_000, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    parts = RU + KK + UK + ["free", "poet", "jailed", "now", "please", "write", "letters", "北京", "自由", "詩人",
                       "👩🏽‍💻", "🇰🇿", "✊🏽", "❤️", "📚", "#FreeAtabek", "#Kazakhstan", "@pen_int", "@MVD_RK",
                       "https://pen-international.org/news/kz", "example.com", "t.co/abc", "bit.ly/3xYz"]
    out = []
    for _ in range(n):
        if rnd.random() < 0.3:
            out.append(" ".join(rnd.choice(["free", "poet", "jailed", "now", "#FreeAtabek", "@pen_int",
                                             "https://pen-international.org/x"]) for _ in range(rnd.randint(5, 30))))
        else:
            out.append(" ".join(rnd.choice(parts) for _ in range(rnd.randint(5, 40))))
    return out
