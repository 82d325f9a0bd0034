# 交渉テーブルの画面（src/game/screens/table）と、その提案・見通し・ダッシュボードのパネル（src/game/panels/{offer,preview,dashboard}.rs）。

# 英語以外でメッセージが陣営を名指しするときの名前（英語は各文で使ってきた形のまま："the United States"、"Japan's"、
# "US"）。$side：us または partner、$partner：相手国の短い名前。
table-side-name = { $side ->
    [us] 米国
   *[other] { $partner }
}

## 提案テーブル（src/game/panels/offer.rs）

# 提案の行方。提案の列のツールチップに表示。
table-fate-pending = 提示中
table-fate-accepted = 受け入れ済み
table-fate-rejected = 拒否済み
table-fate-countered = 対案あり
table-fate-lapsed = 失効

table-offer-paused = 教員がテーブルを一時停止しています。
# $name：手番の陣営。
table-offer-waiting = { $name }の番を待っています…
table-offer-heading = 交渉テーブル
# 提示中の提案を出した陣営の名前の前と、その後ろのラウンド。
table-offer-on-the-table = · 提示中の合意案：
table-offer-on-the-table-round = から（ラウンド{ $round }）
table-offer-nothing = · 提示中の提案なし
# コンピューターが提示中の提案を出した理由（$reasons はコアが返すまま）。
table-offer-reasons = { $name }：{ $reasons }

# 条件の表：見出し、各陣営の最新の提案の見出しとツールチップ。
table-terms-issue = 論点
table-terms-in-force = 現行
table-terms-offer-round = { $name }の提案（R{ $round }）
table-terms-offer-made = { $name }がラウンド{ $round }に出した提案：{ $fate }
table-terms-offer = { $name }の提案
table-terms-none-yet = まだありません。
table-terms-your-proposal = あなたの提案
table-terms-us-deal-terms = 米国の合意条件
table-terms-us-tariffs = 米国の関税
# $name：相手国の名前。
table-terms-partner-concessions = { $name }の譲歩

# 条件の下のボタン。
table-send-counter-offer = 対案を送る（Enter）
table-send-proposal = 提案を送る（Enter）
    .tip = あなたの提案をテーブルに出します。これで手番が終わります。
table-accept-confirm = 確認：相手の提案を受け入れる
table-accept = 相手の提案を受け入れる
    .tip = テーブル上の合意案に署名します。合意が成立し、ゲームが終わります。
# $warning：受け入れについてのコアの警告。
table-accept-warning-armed = ⚠ { $warning } もう一度クリックすると受け入れます。
table-reject = 拒否する
table-pass = パス
    .tip = 提案せずに手番を終えます。テーブル上の提案は拒否されます。
table-walk-away = 交渉を打ち切る…
    .tip = 合意なしで交渉を終えます。
table-more = その他…
table-start-from = たたき台：
table-start-from-their-offer = 相手の提案
table-start-from-my-last-offer = 自分の前回の提案
table-start-from-in-force = 現行の内容
table-start-from-my-ideal = 自分の理想
table-ask-adviser = アドバイザーに聞く
    .tip = 堅実な交渉者があなたの立場ならどうするか（自チームにだけ表示）。
# $reaction：相手側の予想される反応（コアの文のまま）。
table-if-you-send-it = 送った場合：{ $reaction }
