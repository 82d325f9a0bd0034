# 交渉テーブルのパネル（src/game/panels）：上部バー、政策レバー、提案、見通し、ダッシュボード、ニュース、
# コーチ、イベントカード。

## パネル共通（src/game/panels/mod.rs）

# ラウンドとその月。ラウンドごとのニュースの上とイベントカードに表示。
panels-round-month = ラウンド { $round } · { $month }

## レバー（src/game/panels/levers.rs）

panels-levers-title = あなたのレバー
panels-levers-group-tariffs = 関税
panels-levers-group-threats = 警告
panels-levers-group-goodwill = 歩み寄り
panels-levers-group-concessions = 譲歩
panels-levers-group-counter-tariffs = 対抗関税
panels-levers-key = キー { $number }
panels-levers-about-tariffs = 関税を今すぐ設定します。引き上げれば圧力になり、引き下げや撤廃は善意の表れになります。発動中の税率はラウンドの終わりに経済を動かします。
panels-levers-about-threats = 期日を決めずに税率を警告するか、後の月に向けて予告します。警告は相手国の投資と相手陣営に重くのしかかります。予告した税率は、延期するか合意で決着しない限り発動します。
panels-levers-about-goodwill = 予告した引き上げを延期するか、関税割当で一部の輸入を無税にします。合意の条件を手放さずに緊張を和らげる手段です。
panels-levers-about-concessions = 合意の前に、善意の表れとして譲歩を今すぐ実施します。すぐに負担が生じますが、米国の態度を和らげるかもしれません。合意で別の水準に決め直すこともできます。
# $partner: 相手国の名前（「Japan」）。
panels-levers-about-counter-tariffs = 米国の関税に同じ手段で応じます。米国製品の一群にかける関税を、今すぐ設定する、後の月に予告する、警告する、数か月停止する、のいずれかです。米国の輸出業者や農家、標的の州に打撃を与えますが、それらを買う{ $partner }の買い手にも負担がかかります。
# $agreement: 協定の正式名称。$partner と $partner_possessive: 相手国の名前。
panels-levers-about-trade-agreement = { $agreement }は{ $partner }の市場を米国製品に開きました。停止すると農家など米国の輸出業者（と{ $partner_possessive }の消費者）が打撃を受けます。終了すると交渉は終わります。
# シナリオに正式名称がないときの協定。
panels-levers-the-agreement = 協定
panels-levers-locked-paused = 教員がテーブルを一時停止しました。レバーは操作できません。
panels-levers-locked-turn = あなたの番ではありません。レバーは操作できません。
panels-levers-your-turn = あなたの番です。レバーはすぐに効きます。
panels-levers-preview-hint = レバーのボタンにポインターを合わせると、その手の見通しが出ます。何が変わるか、どのルールが働くか、相手陣営がどう受け止めそうかがわかります。
panels-levers-confirm = 確定：{ $label }
# $warning: コアの警告文。
panels-levers-warning-armed = ⚠ { $warning } もう一度クリックするか Enter で送信します。
# 関税の現状（名前の下の小さな文字）。各部分は「 · 」でつなぐ。
panels-levers-in-force-rate = 発動中 { $rate }
panels-levers-scheduled = { $month }から{ $rate }
panels-levers-threatened = 警告 { $rate }
panels-levers-quota = 無税枠 { $amount }
panels-levers-suspended-until = 税率 { $rate }、{ $month }まで停止中
panels-levers-raise-now = 今すぐ引き上げ
panels-levers-cut-now = 今すぐ引き下げ
panels-levers-set-now = 今すぐ設定
panels-levers-threaten = 警告する
panels-levers-threaten-hover = 期日のない警告です。それ自体では何も変わりませんが、投資家を不安にさせます。
# この後に月を選ぶ。
panels-levers-announce-for = 予告する
panels-levers-delay = 延期する
panels-levers-delay-hover = この関税の予告済みの引き上げを先送りし、警告を取り下げます。
# 延期する月数の後。
panels-levers-delay-months = か月
panels-levers-open-quota = 無税枠を設定
panels-levers-open-quota-hover = 対象の輸入のうち、年にこの額（$bn）まではこの関税がかかりません。
# 十億ドル単位の無税枠の後。$covered: 対象の輸入額（十億ドル単位）。
panels-levers-quota-of = bn（上限 ${ $covered }bn）
panels-levers-exempt = 適用除外：
panels-levers-exempt-hover = 部門をこの関税の対象から外します（または戻します）。
panels-levers-concession-in-force = 実施中：{ $level }
panels-levers-put-into-force = 実施する
# $amount: 1年分の金額。$states: 打撃を受ける米国の州。
panels-levers-basket = 対象は年{ $amount }分の米国製品で、{ $states }に打撃を与えます。
# この後に月数。
panels-levers-suspend-for = 停止する
# 停止する月数の後。
panels-levers-months = か月
panels-levers-agreement-in-force = 発効中
panels-levers-agreement-suspended = 停止中
panels-levers-agreement-terminated = 終了
panels-levers-suspension-chance = 今月{ $legislature }がこれを停止する確率：{ $chance }
panels-levers-pressure-months = 自動車関税の合計が{ $threshold }を超えた月数：{ $months }（{ $certain }か月を超えると停止は確実）
panels-levers-suspend = 停止する
# $partner: 相手国の名前。
panels-levers-suspend-hover = 再開されるまで、米国製品には{ $partner }の最恵国税率がかかります。
panels-levers-restore = 再開する
panels-levers-terminate-understood = 終了すると交渉が終わることを理解しました
panels-levers-terminate = { $agreement }を終了する
# 観戦モードの、両陣営の発動中の政策のパネル。
panels-levers-policy-title = 発動中の政策
panels-levers-policy-level = 実施中 { $level }
panels-levers-status-in-force = 発効中
panels-levers-status-suspended = 停止中
panels-levers-status-terminated = 終了

## 上部バー（src/game/panels/top_bar.rs）

# 期限の一覧の予告済み関税。$name: 関税の短い名前。$rate: 税率。
panels-top-bar-deadline-rate = { $name }を{ $rate }に
panels-top-bar-deadline-end = 期限：交渉の終わり
panels-top-bar-menu = ☰ メニュー
panels-top-bar-menu-key = ☰ メニュー（Esc）
panels-top-bar-glossary = 用語集
panels-top-bar-round = ラウンド { $round }/{ $rounds } · { $month }
panels-top-bar-over = 交渉は終了しました
panels-top-bar-to-move = 手番：
# 誰の番か。$team: 陣営の短い名前。
panels-top-bar-team = （{ $team }チーム）
panels-top-bar-you = （あなた）
panels-top-bar-ai = （AI）
panels-top-bar-actions-short = · 行動 { $left }/{ $of }
panels-top-bar-actions = · 残りの行動 { $left }/{ $of }
panels-top-bar-actions-hover = 手番を終える前に取れる単独行動（関税、警告、歩み寄り）の数です。
# $time: 分と秒（「4:05」）。
panels-top-bar-time-left = 残り { $time }
panels-top-bar-remote-hover = ネットワークのテーブルです。教員のコンピューターがゲームをホストし、すべての手を適用します。
panels-top-bar-pause = ⏸ 一時停止
panels-top-bar-play = ▶ 再生
panels-top-bar-step = 1手進む ⏭
panels-top-bar-step-hover = 1手だけ進めます（→）
panels-top-bar-speed = 速度
panels-top-bar-speed-hover = 毎秒{ $speed }手
panels-top-bar-coming-up = 今後の予定：
panels-top-bar-end-of-round = このラウンドの終わり
panels-top-bar-in-rounds = { $count }ラウンド後
panels-top-bar-more = ほか{ $count }件

## ニュース（src/game/panels/news.rs）

panels-news-none = まだニュースはありません。最初の手番は米国です。
panels-news-no-offers = まだ合意案は提示されていません。
# 提案の履歴の1件：番号、ラウンド、陣営、結果。
panels-news-offer-title = #{ $number } · ラウンド { $round } · { $side } · { $fate }
panels-news-fate-pending = 回答待ち
panels-news-fate-accepted = 受け入れ
panels-news-fate-rejected = 拒否
panels-news-fate-countered = 対案
panels-news-fate-lapsed = 失効
panels-news-start-terms = 開始時点で発動中の条件です。

## イベントカード（src/game/panels/event_cards.rs）

panels-cards-next = 次へ（残り{ $count }件）
panels-cards-close-all = すべて閉じる
panels-cards-keys = Enter：次へ · Esc：すべて閉じる · カードはすべてニュースタブに残ります
panels-cards-why = 理由
panels-cards-changed = 変わったこと
panels-cards-month = モデル上の1か月、{ $from }から{ $to }まで（この間に起きたことをまとめて）
panels-cards-from-here-on = これから

## コーチ（src/game/panels/coach.rs）

panels-coach-title = コーチ
panels-coach-your-proposal = あなたの提案
# $consequence: 提案の結果（一文、または空）。$other: 相手陣営の名前。
panels-coach-proposal-ask = 中央で提案の条件を決め、右側の見通しを見てください。{ $consequence } 決まったら送信します（Enter）。手番が終わり、{ $other }が答えます。
# レッスンの課題。$label: レバー群のタブ。$key: その数字キー。$task: 下の課題のどれか。
panels-coach-group-ask = 左側で{ $label }（キー { $key }）を開き、{ $task }
panels-coach-task-tariffs = 関税を今すぐ設定しましょう。引き上げて{ $partner }に圧力をかけるか、善意として引き下げ、「今すぐ…」のボタンを押します。
panels-coach-task-threats = 税率を警告するか、後の月に向けて予告しましょう。警告は今は何の負担もありませんが、相手陣営に重くのしかかります。
panels-coach-task-goodwill = 予告した引き上げを延期するか、無税枠を設けるか、部門を適用除外にしましょう。合意の条件を何も手放さない歩み寄りです。
panels-coach-task-concessions = { $us }への歩み寄りとして、譲歩を今すぐ実施しましょう。購入か投資の約束です。
panels-coach-task-counter-tariffs = 米国製品への対抗関税を警告するか設定するか、停止しましょう。
panels-coach-task-trade-agreement = { $agreement }の働きを読みましょう。
# レバーの手へのコーチの返答。$name: 関税の名前。$partner: 相手国の名前。
panels-coach-raised = { $name }を{ $from }から{ $to }に引き上げました。すでに発動しています。米国の買い手の支払いが増え、{ $partner }の売り手は売上を失います。{ $partner }への圧力になる一方、国内にも負担がかかります（見通しの消費者負担）。
panels-coach-cut = { $name }を{ $from }から{ $to }に引き下げました。善意の表れで、米国の買い手には安くなります。ただし、合意で譲歩と引き換えにできたはずの圧力を手放しました。
panels-coach-suspension-risk = 自動車の関税が合計で{ $threshold }を超えたため、{ $partner }の{ $legislature }が{ $agreement }を停止するおそれがあります。そのリスクは見通しに出ています。協定の停止は最後のレバー群にあり、米国の農産物輸出に打撃を与えます。
panels-coach-threatened = { $name }を期日なしで{ $rate }にすると警告しました。貿易はまだ何も変わりませんが、不確実性が{ $partner }の対米投資を抑え、相手陣営もそれを意識します。
panels-coach-announced = { $name }を{ $month }から{ $rate }にすると予告しました。延期するか合意で決着しない限り、その時に発動します。上部バーの予定にカウントダウンが出ます。
panels-coach-delayed = { $name }の引き上げを{ $months }か月延期しました。緊張が和らぎ、関税は合意での取引材料として残ります。
panels-coach-quota = { $name }のうち年{ $amount }分を無税にしました。{ $partner }の売り手が得をし、それを超える分には引き続き関税がかかります。
panels-coach-exempted = { $sector }を{ $name }の適用除外にしました。負担の少ない善意の表れです。
panels-coach-unexempted = { $sector }への{ $name }の適用除外を終えました。
# $us: 米国。
panels-coach-implemented = 合意の前に「{ $name }」を{ $level }で実施しました。今は負担になり、{ $us }の態度を和らげるかもしれませんが、もう差し出したものです。関税の引き下げと引き換えにすることはもうできません。
# $move: コアが書く手。
panels-coach-other-move = 選んだ手：{ $move }。
panels-coach-consequence = 今の提案のままなら、1年後の財の貿易赤字は{ $draft }です（合意なしなら{ $no_deal }、現在は{ $now }）。
panels-coach-worth = あなたにとっての価値は{ $worth }です（合意なしは{ $walk_away }）。{ $verdict }
panels-coach-better = 合意なしより有利です。{ $other }は署名するでしょうか？
panels-coach-no-better = 合意なしより有利ではありません。もっと求めましょう。
# $other: 相手陣営の名前。
panels-coach-pending = 提案は提示中です。次に{ $other }が答えます。
panels-coach-accepted = { $other }が受け入れました。合意が成立です。
panels-coach-countered = { $other }は対案で応じました。相手の提案の列にあります。あなたにとっての価値を合意なしと比べ、受け入れる（A）、対案を出す、拒否する（R）のどれかを選びましょう。
panels-coach-rejected = { $other }は対案を出さずに拒否しました。アドバイザー（H）に、どうすればよいか聞いてみましょう。
panels-coach-lapsed = 答えが出る前に交渉が終わりました。
# $reason: コアが書く相手陣営の理由。
panels-coach-why = 理由：{ $reason }
panels-coach-progress = { $total }ステップ中{ $done }完了
panels-coach-now = 今やること — { $name }：{ $ask }
panels-coach-all-done = すべてのレバー群を使い、合意案を提示しました。最後までプレイしましょう。結果画面で、あなたの合意と合意なしを比べ、各スコアを説明します。
panels-coach-step-done = 完了
panels-coach-step-to-do = 未完了

## イベントカードの題（イベントの種類から。英語版はコアの題をそのまま表示）

panels-cards-title-tariff = 関税の発動
panels-cards-title-election = { $side }の選挙
panels-cards-title-news = ニュース
panels-cards-title-inject = 教員からのイベント
panels-cards-title-suspended = { $agreement }の停止
panels-cards-title-restored = { $agreement }の再開
panels-cards-title-terminated = { $agreement }の終了
panels-cards-title-government-fell = { $side }の政権崩壊
