# UI 全体で共有する語: 言語名、はい／いいえ、どのダイアログにもあるボタン。

# 言語ピッカーに表示する、その言語自身による名前。
language-own-name = 日本語

# The United States as a label (a heading, a column, beside its flag).
common-united-states = 米国

common-yes = はい
common-no = いいえ
common-ok = OK
common-cancel = キャンセル
common-back = 戻る
common-close = 閉じる
