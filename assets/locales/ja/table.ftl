# 交渉テーブルの画面（src/game/screens/table）と、その提案・見通し・ダッシュボードのパネル（src/game/panels/{offer,preview,dashboard}.rs）。

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

## 見通し（src/game/panels/preview.rs）

# 行：各数値の名前（金額の単位「10億ドル」は見出しの注記とツールチップに。列幅に収めるため）、ツールチップ。$partner：相手国の名前。
table-preview-deficit = 財の赤字
    .tip = 米国の{ $partner }との財の貿易赤字（年間、10億ドル）。
table-preview-deficit-range = …低位〜高位
    .tip = シナリオの低位・高位のパラメーター（貿易弾力性、価格転嫁、調整の速さ）で計算した赤字（10億ドル）。公表された推計が分かれるところです。この幅全体で成り立つ結論は頑健です。
# $year：シナリオの基準年。
table-preview-deficit-base-fx = …{ $year }年為替
    .tip = 基準年の為替レートで換算し直した赤字（10億ドル、論文と同じ方法）。
table-preview-tariff-revenue = 関税収入
    .tip = { $partner }からの財に対する米国の関税収入（年間、10億ドル）。
table-preview-consumer-cost = 消費者負担
    .tip = 当初の税率を上回る関税が米国の買い手に与える負担（年間、10億ドル）。
table-preview-farm-exports = 農産物輸出
    .tip = 米国から{ $partner }への農産物輸出（年間、10億ドル）。
# $name：相手国の名前。
table-preview-investment = 投資
    .tip = { $name }から米国への直接投資（年間、10億ドル）。
# $agreement：貿易協定の名前（USJTA）、$legislature：相手国の議会（Diet）。
table-preview-risk = { $agreement }停止
    .tip = { $legislature }が来月{ $agreement }を停止する確率。発効していなければ「失効」。
table-preview-lapsed = 失効
table-preview-us-approval = 米国の支持率%
    .tip = 米国の全体の支持率（予測では向かう先の水準）。
# $name：相手国の名前。
table-preview-partner-approval = { $name }の支持率%
    .tip = { $name }政府の全体の支持率（予測では向かう先の水準）。

# 列：現在、自分の提案、提示中の提案、合意なし。
table-preview-now = 現在
    .tip = 最後にプレーした月。
table-preview-yours = 自案
    .tip = あなたの提案にいま署名した場合：各陣営が合意を評価する月（1年後）。
table-preview-tabled = 提示中
table-preview-theirs = 相手案
# 観戦時：$name は提案を出した陣営。
table-preview-offer-of = { $name }の提案
table-preview-offer =
    .tip = テーブル上の提案にいま署名した場合：1年後の月。
table-preview-no-deal = 合意なし
    .tip = いま交渉が決裂した場合：予告・警告済みの関税がすべて発動した1年後。

# 陣営ごとの価値（非公開）の行。
table-preview-worth-to-you = 自陣営の価値
table-preview-worth-to = { $name }の価値
table-preview-worth =
    .tip = 非公開：予測した月でその陣営の目標を0〜100で採点したもの。「合意なし」の列（交渉を打ち切った場合の価値）と比べてください。相手チームには表示されません。
table-preview-worth-range = …低位〜高位
    .tip = シナリオの低位・高位のパラメーターで計算した同じ価値。合意案と合意なしの幅が重なるなら、モデルにはどちらが良いか断定できません。
table-preview-score-if-signed = 即時署名のスコア
    .tip = このラウンドでこの結果のまま交渉が終わった場合に結果画面に出るスコア。モデルはゲームを最後まで進め、プレー済みの月も含めた毎月とその翌年を平均します。「価値」は1年後の1か月を、支持率が向かう先で採点するので、両者は異なります。最終スコアには合意までの月の損失も含まれます。

# 1つの手のカード（レバーの下と、見通しタブの上）。
table-move-your-next-move = 次の一手
table-move-preview = 見通し
# $reason：ルールがその手を認めない理由（コアの文のまま）。
table-move-not-possible = 今はできません：{ $reason }。
table-move-click-again = もう一度ボタンを押すか、Enterキーで送ります。
table-move-figures-in-preview = 前後の数値は「見通し」タブにあります。
table-move-now = 現在
    .tip = この手の前。
table-move-after = 実行後
    .tip = この手の後。
table-move-auto-tariff = 自動車関税（合計）
    .tip = 発効中の自動車・部品に対する米国の関税の合計（貿易加重）。相手国の議会が注視する数値です。
table-move-suspension-risk = 停止リスク
    .tip = 現在の支持率のままで、相手国の議会が今月貿易協定を停止する確率。
table-move-deficit-if-no-deal = 決裂時の赤字（10億ドル）
    .tip = 交渉が決裂した場合の1年後の米国の財の貿易赤字（年間、10億ドル）。
table-move-farm-exports-if-no-deal = 決裂時の農産物輸出
    .tip = 交渉が決裂した場合の1年後の米国の農産物輸出（年間、10億ドル）。
table-move-investment-if-no-deal = 決裂時の投資
    .tip = 交渉が決裂した場合の1年後の相手国から米国への直接投資（年間、10億ドル）。
table-move-consumer-cost-if-no-deal = 決裂時の消費者負担
    .tip = 交渉が決裂した場合の1年後に関税が米国の買い手に与える負担（年間、10億ドル）。
table-move-no-deal-worth = 合意なしの価値
    .tip = 非公開：合意できなかった場合の自陣営にとっての価値（0〜100）。交渉を打ち切るかどうかの基準です。

## ダッシュボードのグラフ（src/game/panels/dashboard.rs）

# 各グラフのタイトル（単位つき）、ツールチップ、凡例の系列名。$partner、$owner：相手国の名前。
table-chart-deficit = 米国の{ $partner }との財の貿易赤字（10億ドル/年）
    .tip = 名目値と、{ $year }年の為替レート（1ドル＝{ $rate }{ $currency }）で換算した値。
table-chart-nominal = 名目
table-chart-at-base-rates = { $year }年のレート
table-chart-revenue = 関税収入と消費者負担（10億ドル/年）
    .tip = { $partner }からの財に対する米国の関税収入と、当初の税率を上回る関税が米国の買い手に与える負担。
table-chart-tariff-revenue = 関税収入
table-chart-consumer-cost = 消費者負担
table-chart-farm = 農産物輸出と投資（10億ドル/年）
    .tip = 米国から{ $partner }への農産物輸出と、{ $owner }から米国への直接投資。
table-chart-us-farm-exports = 米国の農産物輸出
table-chart-investment = { $owner }の投資
# $name：陣営の名前。
table-chart-approval = { $name }の支持率（%）
    .tip = 支持層別の支持率。全体で{ $percent }%を下回ると政権が倒れます。
table-chart-overall = 全体
table-chart-suspension = { $agreement }：停止の確率（%）
    .tip = { $owner }の{ $legislature }が{ $agreement }を停止する各月の確率。赤い×印：発効していなかった月。
table-chart-suspension-risk = 停止リスク
table-chart-not-in-force = { $agreement }の効力なし
# 横軸：ラウンド0（最初の手の前）、その後は各ラウンドの月（年なし、$month：1〜12）。
table-chart-start = 開始
table-chart-month = { $month }月

## 交渉テーブルの画面（src/game/screens/table/draw.rs、mod.rs）

table-glossary = 用語集
# 横のビューのタブ（タブ表示のときはレバーと提案テーブルも）。
table-tab-levers = レバー
    .tip = 自陣営の単独行動（1〜4キーでレバー群を選択）
table-tab-in-force = 現行
table-tab-table = テーブル
    .tip = テーブル上の提案とあなたの提案
table-tab-brief = 指示書
    .tip = 自陣営の極秘指示書：目標、打ち切りの基準、相手に伏せておくこと
table-tab-preview = 見通し
    .tip = モデルが予測する1年後
table-tab-charts = グラフ
table-tab-news = ニュース
table-tab-offers = 提案履歴
table-preview-note = いま合意案に署名した場合、または交渉が決裂した場合にモデルが予測する1年後（金額は年間、10億ドル）。…低位〜高位：低位・高位のパラメーターで計算した同じ値。
table-preview-working = 計算中…

# 提案テーブルの下のアドバイザーのヒントと、その助言。
table-adviser = アドバイザー：
table-adviser-load = 自分の提案に読み込む
table-advice-propose = この合意案をテーブルに出しましょう（自分の提案に読み込むと内容を確認できます）。
table-advice-accept = テーブル上の提案を受け入れましょう。この先に期待できるものより有利です。
table-advice-pass = このラウンドはパスしましょう。まだ手の届くところにこれ以上の案はありません。
table-advice-walk-away = 交渉を打ち切りましょう。どの提案よりも合意なしのほうが良さそうです。
# $action：その手（コアの文のまま）。
table-advice-action = 次の行動をとりましょう：{ $action }。

# 交渉を打ち切る前の確認。
table-walk-away-title = 交渉を打ち切りますか？
table-walk-away-text = 合意なしで交渉が終わり、予告済みの関税がすべて発動します。
table-walk-away-confirm = 打ち切る
table-walk-away-stay = 交渉を続ける

# テーブルの下端の状態表示。
table-status-keys = キー操作（F1）
    .tip = ゲームのすべてのキー操作
table-status-scenario-changed = シナリオファイルが変更されました。
table-status-reload = 再読み込み
    .tip = 編集したファイルで同じシードからやり直し、これまでの手を再現します
table-status-scenario-error = 編集したシナリオにエラーがあります。読み込み済みの版でゲームを続けます：
# $reason：その手が認められなかった理由。
table-status-refused = 認められませんでした：{ $reason }
table-status-latest = 最新：
table-status-keys-hint = Enter：送信 · Esc：メニュー · 1〜4：レバー群

# 陣営の極秘指示書（$name：陣営の名前）。
table-brief-none = このシナリオには極秘指示書がありません。
table-brief-confidential = 極秘：{ $name }チーム限り
table-brief-goals = 目指すもの
table-brief-walk-away = 打ち切るとき
table-brief-keep-private = 伏せておくこと
